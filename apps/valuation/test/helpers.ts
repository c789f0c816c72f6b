import { randomUUID } from 'node:crypto';
import { JSONCodec, NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { createServiceDataSource } from '@quartier/db';
import { sharedDataPath, standInCallerOf } from '@quartier/testing';
import { VALUATION_ENTITIES, VALUATION_SCHEMA } from '../src/valuation.schema';

/** The King County sales, read from ../shared next to the repository (see sharedDataPath). */
export const KING_COUNTY_CSV = sharedDataPath('datasets/king-county-sales/sales-2014-05-to-2015-01.csv');

/** Collects the domain events published under `<prefix>.events.valuation.>`. */
export function collectEvents(nats: NatsConnection, prefix: string): { events: { type: string; organizationId: string; payload: Record<string, unknown> }[]; stop(): void } {
  const subscription = nats.subscribe(`${prefix}.events.valuation.>`);
  const events: { type: string; organizationId: string; payload: Record<string, unknown> }[] = [];
  const codec = JSONCodec<{ type: string; organizationId: string; payload: Record<string, unknown> }>();
  void (async () => {
    for await (const message of subscription) events.push(codec.decode(message.data));
  })();
  return { events, stop: () => subscription.unsubscribe() };
}

interface Owned {
  organizationId: string;
  body: Record<string, unknown>;
}

export interface StandInPortfolio {
  /** Registers a property of the organization with the given portfolio fields; returns its id. */
  addProperty(organizationId: string, fields: Record<string, unknown>): string;
  /** Registers a unit in a property of the organization; returns its id. */
  addUnit(organizationId: string, propertyId: string, fields: Record<string, unknown>): string;
  close(): void;
}

/**
 * Portfolio's properties.get and units.get in Nest's NATS wire format (request `{pattern, data, id}`,
 * reply `{id, response | err, isDisposed}`): knows only what a test registers, each in one organization.
 */
export function standInPortfolio(nats: NatsConnection, prefix: string): StandInPortfolio {
  const records = new Map<string, Owned>();
  const codec = JSONCodec<{ id: string; data: { id: string } }>();
  const subscriptions = ['portfolio.v1.properties.get', 'portfolio.v1.units.get'].map((subject) => {
    const subscription = nats.subscribe(`${prefix}.${subject}`);
    void (async () => {
      for await (const message of subscription) {
        const request = codec.decode(message.data);
        const record = records.get(request.data.id);
        const reply =
          record && record.organizationId === standInCallerOf(message.headers).organizationId
            ? { id: request.id, response: record.body, isDisposed: true }
            : { id: request.id, err: { status: 404, code: 'NOT_FOUND', message: `${request.data.id} not found` }, isDisposed: true };
        message.respond(JSON.stringify(reply));
      }
    })();
    return subscription;
  });
  return {
    addProperty: (organizationId, fields) => {
      const id = randomUUID();
      records.set(id, { organizationId, body: { id, address: { postalCode: fields.postalCode ?? '98103' }, coordinates: null, livingArea: null, plotArea: null, floors: null, yearBuilt: null, condition: null, ...fields } });
      return id;
    },
    addUnit: (organizationId, propertyId, fields) => {
      const id = randomUUID();
      records.set(id, { organizationId, body: { id, propertyId, rooms: null, bedrooms: null, bathrooms: null, ...fields } });
      return id;
    },
    close: () => subscriptions.forEach((subscription) => subscription.unsubscribe()),
  };
}

/** A DataSource on the service's schema of a test stack, for importing as the operator's CLI does. */
export function operatorDataSource(databaseUrl: string): Promise<DataSource> {
  return createServiceDataSource({ url: databaseUrl, schema: VALUATION_SCHEMA, entities: VALUATION_ENTITIES, poolSize: 2 }).initialize();
}
