import { JSONCodec, NatsConnection, Subscription } from 'nats';
import { standInCallerOf } from '@quartier/testing';
import { DomainEvent } from '@quartier/contracts-shared';

const codec = JSONCodec<Record<string, unknown>>();

/**
 * Stands in for portfolio's `units.get` (the portfolio app cannot be imported here): answers in
 * Nest's NATS wire format, with the unit for known ids and a 404 RpcError for anything else.
 */
export function fakePortfolioUnits(nats: NatsConnection, prefix: string, units: Map<string, { propertyId: string }>): Subscription {
  return nats.subscribe(`${prefix}.portfolio.v1.units.get`, {
    callback: (_error, message) => {
      const request = codec.decode(message.data) as { id: string; data: { id: string } };
      const unit = units.get(request.data.id);
      const reply = unit
        ? { id: request.id, response: { id: request.data.id, ...unit }, isDisposed: true }
        : { id: request.id, err: { status: 404, code: 'NOT_FOUND', message: `Unit ${request.data.id} not found` }, isDisposed: true };
      message.respond(codec.encode(reply));
    },
  });
}

/** Stands in for portfolio's `properties.get`: a property is found only by the organization that owns it. */
export function fakePortfolioProperties(nats: NatsConnection, prefix: string, owners: Map<string, string>): Subscription {
  return nats.subscribe(`${prefix}.portfolio.v1.properties.get`, {
    callback: (_error, message) => {
      const request = codec.decode(message.data) as { id: string; data: { id: string } };
      const found = owners.get(request.data.id) === standInCallerOf(message.headers).organizationId;
      const reply = found
        ? { id: request.id, response: { id: request.data.id }, isDisposed: true }
        : { id: request.id, err: { status: 404, code: 'NOT_FOUND', message: `Property ${request.data.id} not found` }, isDisposed: true };
      message.respond(codec.encode(reply));
    },
  });
}

/** Collects the domain events published under a prefix (JetStream publishes reach core subscribers too). */
export function collectEvents(nats: NatsConnection, prefix: string, pattern = 'leasing.>'): DomainEvent[] {
  const events: DomainEvent[] = [];
  nats.subscribe(`${prefix}.events.${pattern}`, {
    callback: (_error, message) => events.push(JSONCodec<DomainEvent>().decode(message.data)),
  });
  return events;
}

/** Runs a call expected to fail and returns the error body. */
export async function failure(call: Promise<unknown>): Promise<{ status: number; code: string; message: string; details?: Record<string, unknown>; errors?: { field: string }[] }> {
  try {
    await call;
  } catch (error) {
    return (error as { body: { status: number; code: string; message: string } }).body;
  }
  throw new Error('Expected the call to fail');
}
