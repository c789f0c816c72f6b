import { randomUUID } from 'node:crypto';
import { JSONCodec, NatsConnection, Subscription } from 'nats';
import { standInCallerOf } from '@quartier/testing';

const codec = JSONCodec<{ id: string; data: unknown }>();

/** A stand-in for another service: answers `<prefix>.<subject>` in Nest's wire format. */
export function respond(nats: NatsConnection, prefix: string, subject: string, handler: (data: unknown) => unknown): Subscription {
  const subscription = nats.subscribe(`${prefix}.${subject}`);
  void (async () => {
    for await (const message of subscription) {
      const request = codec.decode(message.data);
      message.respond(JSON.stringify({ id: request.id, response: handler(request.data), isDisposed: true }));
    }
  })();
  return subscription;
}

/** Collects the types of domain events published under `<prefix>.events.workorders.>`. */
export function collectEvents(nats: NatsConnection, prefix: string): { types: string[]; payloads: unknown[]; stop(): void } {
  const subscription = nats.subscribe(`${prefix}.events.workorders.>`);
  const types: string[] = [];
  const payloads: unknown[] = [];
  const eventCodec = JSONCodec<{ type: string; payload: unknown }>();
  void (async () => {
    for await (const message of subscription) {
      const event = eventCodec.decode(message.data);
      types.push(event.type);
      payloads.push(event.payload);
    }
  })();
  return { types, payloads, stop: () => subscription.unsubscribe() };
}

export interface StandInPortfolio {
  /** Registers a unit of the organization (in a new property unless one is given); returns its ids. */
  addUnit(organizationId: string, propertyId?: string): { unitId: string; propertyId: string };
  close(): void;
}

/**
 * Portfolio's units.get in Nest's NATS wire format (request `{pattern, data, id}`, reply
 * `{id, response | err, isDisposed}`): knows only the units a test registers, each in one organization.
 */
export function standInPortfolio(nats: NatsConnection, prefix: string): StandInPortfolio {
  const units = new Map<string, { organizationId: string; propertyId: string }>();
  const subscription = nats.subscribe(`${prefix}.portfolio.v1.units.get`);
  const requestCodec = JSONCodec<{ id: string; data: { id: string } }>();
  void (async () => {
    for await (const message of subscription) {
      const request = requestCodec.decode(message.data);
      const unit = units.get(request.data.id);
      const reply =
        unit && unit.organizationId === standInCallerOf(message.headers).organizationId
          ? { id: request.id, response: { id: request.data.id, propertyId: unit.propertyId }, isDisposed: true }
          : { id: request.id, err: { status: 404, code: 'NOT_FOUND', message: `Unit ${request.data.id} not found` }, isDisposed: true };
      message.respond(JSON.stringify(reply));
    }
  })();
  return {
    addUnit: (organizationId, propertyId = randomUUID()) => {
      const unitId = randomUUID();
      units.set(unitId, { organizationId, propertyId });
      return { unitId, propertyId };
    },
    close: () => subscription.unsubscribe(),
  };
}
