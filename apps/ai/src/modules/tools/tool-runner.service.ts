import { Injectable, Logger } from '@nestjs/common';
import { ToolCallView } from '@quartier/contracts-ai';
import { PaymentOperations } from '@quartier/contracts-leasing';
import { PROPERTY_STATUSES, PropertyOperations, UNIT_STATUSES, UnitOperations } from '@quartier/contracts-portfolio';
import { OrgCaller } from '@quartier/contracts-shared';
import { WORK_ORDER_PRIORITIES, WorkOrderOperations } from '@quartier/contracts-workorders';
import { OperationClient, RpcError } from '@quartier/messaging';
import { ToolArguments, ToolName, validateToolCall } from './tool-definitions';
import { summarizeOverdue, summarizeProperties, summarizeUnits, summarizeWorkOrders } from './tool-results';

const OPEN_STATUSES = ['open', 'assigned', 'in_progress'] as const;

export interface ToolOutcome {
  view: ToolCallView;
  /** What the model reads back: the data, or why there is none. */
  content: string;
}

/**
 * Runs the assistant's tool calls against the owning services with the caller's own headers:
 * each service applies the caller's roles exactly as it does for the API, so the assistant
 * never sees more than its user may.
 */
@Injectable()
export class ToolRunner {
  private readonly logger = new Logger(ToolRunner.name);

  constructor(private readonly operations: OperationClient) {}

  async run(caller: OrgCaller, name: string, rawArguments: unknown): Promise<ToolOutcome> {
    const call = validateToolCall(name, rawArguments);
    if (!call.ok) {
      return { view: { name, arguments: {}, ok: false }, content: JSON.stringify({ error: call.error }) };
    }
    try {
      const data = await this.execute(caller, call.name, call.args);
      return { view: { name, arguments: call.args, ok: true }, content: JSON.stringify(data) };
    } catch (error) {
      const status = error instanceof RpcError ? error.status : 500;
      this.logger.warn(`Tool ${name} failed with ${status}`);
      const reason = status === 403 ? 'The user is not allowed to see this data' : 'The data is not available right now';
      return { view: { name, arguments: call.args, ok: false }, content: JSON.stringify({ error: reason, status }) };
    }
  }

  /** Calls one tool and returns its summarized data; failures are thrown as RpcError. */
  execute(caller: OrgCaller, name: ToolName, args: ToolArguments & { limit: number }): Promise<object> {
    const size = args.limit;
    switch (name) {
      case 'list_properties':
        return this.operations
          .send(PropertyOperations.list, { status: oneOf(PROPERTY_STATUSES, args.status), city: text(args.city), size }, caller)
          .then(summarizeProperties);
      case 'list_units':
        return this.operations
          .send(UnitOperations.list, { propertyId: text(args.propertyId), status: oneOf(UNIT_STATUSES, args.status), size }, caller)
          .then(summarizeUnits);
      case 'list_vacant_units':
        return this.operations.send(UnitOperations.available, { propertyId: text(args.propertyId), size }, caller).then(summarizeUnits);
      case 'list_overdue_payments':
        return this.operations.send(PaymentOperations.overdue, { size }, caller).then(summarizeOverdue);
      case 'list_open_work_orders':
        return this.openWorkOrders(caller, args, size);
    }
  }

  private async openWorkOrders(caller: OrgCaller, args: ToolArguments, size: number): Promise<object> {
    if (args.urgentOnly === true) {
      const page = await this.operations.send(WorkOrderOperations.urgent, { size }, caller);
      const items = page.items.filter((order) => args.priority === undefined || order.priority === args.priority);
      return summarizeWorkOrders(items, args.priority === undefined ? page.total : items.length);
    }
    const pages = await Promise.all(
      OPEN_STATUSES.map((status) =>
        this.operations.send(WorkOrderOperations.list, { status, priority: oneOf(WORK_ORDER_PRIORITIES, args.priority), size }, caller),
      ),
    );
    const items = pages
      .flatMap((page) => page.items)
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
      .slice(0, size);
    return summarizeWorkOrders(items, pages.reduce((sum, page) => sum + page.total, 0));
  }
}

/*
 * The arguments validateToolCall accepted, typed for the request. An absent one stays undefined,
 * which the bus's JSON leaves out: services see only the filters the model set.
 */
function oneOf<Value extends string>(values: readonly Value[], value: string | number | boolean | undefined): Value | undefined {
  return values.find((candidate) => candidate === value);
}

function text(value: string | number | boolean | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
