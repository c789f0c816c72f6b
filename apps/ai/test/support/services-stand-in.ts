import { JSONCodec, MsgHdrs, NatsConnection, Subscription } from 'nats';
import { RpcErrorBody } from '@quartier/contracts-shared';
import { standInCallerOf } from '@quartier/testing';

const codec = JSONCodec<{ id: string; data: unknown }>();

export interface SeenRequest {
  subject: string;
  data: unknown;
  organizationId?: string;
  userId?: string;
  roles: string[];
}

export type StandInHandler = (data: unknown, seen: SeenRequest) => unknown;

/** Thrown by a handler to answer with an RpcException body. */
export class StandInError extends Error {
  constructor(readonly body: RpcErrorBody) {
    super(body.message);
  }
}

/**
 * Stands in for other services' subjects (portfolio, leasing, workorders), speaking Nest's NATS
 * wire format, and records the caller headers each request carried.
 */
export function standInServices(nats: NatsConnection, prefix: string, handlers: Record<string, StandInHandler>) {
  const seen: SeenRequest[] = [];
  const subscriptions: Subscription[] = Object.entries(handlers).map(([subject, handler]) =>
    nats.subscribe(`${prefix}.${subject}`, {
      callback: (_error, message) => {
        const { id, data } = codec.decode(message.data);
        const request = { subject, data, ...callerOf(message.headers) };
        seen.push(request);
        let reply: object;
        try {
          reply = { id, response: handler(data, request), isDisposed: true };
        } catch (error) {
          reply = { id, err: error instanceof StandInError ? error.body : { status: 500, code: 'INTERNAL', message: 'boom' }, isDisposed: true };
        }
        message.respond(JSONCodec().encode(reply));
      },
    }),
  );
  return { seen, stop: () => subscriptions.forEach((subscription) => subscription.unsubscribe()) };
}

function callerOf(headers: MsgHdrs | undefined): Omit<SeenRequest, 'subject' | 'data'> {
  return standInCallerOf(headers);
}

export function page<T>(items: T[], total = items.length) {
  return { items, total, page: 1, size: 20, pages: Math.max(1, Math.ceil(total / 20)) };
}
