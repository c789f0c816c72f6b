import { Inject, Injectable } from '@nestjs/common';
import { AnalysisView } from '@quartier/contracts-ai';
import { PaymentOperations, TenantOperations } from '@quartier/contracts-leasing';
import { PropertyOperations, UnitOperations } from '@quartier/contracts-portfolio';
import { OrgCaller } from '@quartier/contracts-shared';
import { WorkOrderOperations } from '@quartier/contracts-workorders';
import { OperationClient, RpcError, rpcError } from '@quartier/messaging';
import { AI_CONFIG, AiConfig } from '../../ai.config';
import { requireStaff } from '../../common/access';
import { withoutControlCharacters } from '../../common/text';
import { limitAnswer, stripThinking } from '../chat/prompt';
import { RequestLimiter } from '../limits/request-limiter.service';
import { OllamaService } from '../models/ollama.service';
import { propertyFacts, tenantFacts } from './analysis-facts';
import { buildAnalysisMessages } from './analysis-prompt';

const SAMPLE = 100;
const OPEN_STATUSES = ['open', 'assigned', 'in_progress'] as const;

/**
 * Assessments of one property or tenant (SomniProperty's analyze endpoints): the figures come
 * from the owning services with the caller's permissions, the wording from the chat model.
 */
@Injectable()
export class AnalysisService {
  constructor(
    private readonly operations: OperationClient,
    private readonly ollama: OllamaService,
    private readonly limiter: RequestLimiter,
    @Inject(AI_CONFIG) private readonly config: AiConfig,
  ) {}

  async property(caller: OrgCaller, id: string): Promise<AnalysisView> {
    requireStaff(caller, 'read');
    const property = await this.record(this.operations.send(PropertyOperations.get, { id }, caller));
    await this.limiter.take(caller.organizationId);
    const [units, ...orders] = await Promise.allSettled([
      this.operations.send(UnitOperations.list, { propertyId: id, size: SAMPLE }, caller),
      ...OPEN_STATUSES.map((status) => this.operations.send(WorkOrderOperations.list, { propertyId: id, status, size: SAMPLE }, caller)),
    ]);
    const unavailable: string[] = [];
    if (units.status === 'rejected') unavailable.push('units');
    const workOrdersReadable = orders.every((result) => result.status === 'fulfilled');
    if (!workOrdersReadable) unavailable.push('work orders');
    const openOrders = workOrdersReadable ? orders.flatMap((result) => (result.status === 'fulfilled' ? result.value.items : [])) : undefined;
    const facts = propertyFacts(property, units.status === 'fulfilled' ? units.value.items : undefined, openOrders);
    return this.assess('property', id, facts, unavailable);
  }

  async tenant(caller: OrgCaller, id: string): Promise<AnalysisView> {
    requireStaff(caller, 'read');
    const tenant = await this.record(this.operations.send(TenantOperations.get, { id }, caller));
    await this.limiter.take(caller.organizationId);
    const [payments, overdue] = await Promise.allSettled([
      this.operations.send(PaymentOperations.byTenant, { id, size: SAMPLE }, caller),
      this.operations.send(PaymentOperations.overdue, { size: SAMPLE }, caller),
    ]);
    const unavailable = [...(payments.status === 'rejected' ? ['payments'] : []), ...(overdue.status === 'rejected' ? ['overdue charges'] : [])];
    const facts = tenantFacts(
      tenant,
      payments.status === 'fulfilled' ? payments.value.items : undefined,
      overdue.status === 'fulfilled' ? overdue.value.items : undefined,
    );
    return this.assess('tenant', id, facts, unavailable);
  }

  /** The record itself: another organization's, or one the caller may not read, fails as the service says (404/403). */
  private async record<T>(request: Promise<T>): Promise<T> {
    try {
      return await request;
    } catch (error) {
      if (error instanceof RpcError) throw rpcError(error.status, error.code, error.message);
      throw error;
    }
  }

  private async assess(subject: 'property' | 'tenant', id: string, facts: Record<string, unknown>, unavailable: string[]): Promise<AnalysisView> {
    const response = await this.ollama.chat(buildAnalysisMessages(subject, facts, unavailable), []);
    const summary = limitAnswer(withoutControlCharacters(stripThinking(response.message.content)), this.config.AI_ANSWER_MAX_CHARS);
    return { subject, id, summary, facts, unavailable, model: this.ollama.chatModel };
  }
}
