import { randomUUID } from 'node:crypto';
import { JSONCodec, NatsConnection } from 'nats';
import { standInCallerOf } from '@quartier/testing';

export interface CollectedEvent {
  id: string;
  type: string;
  organizationId: string;
  payload: Record<string, unknown>;
}

/** Collects the domain events published under `<prefix>.events.publishing.>`. */
export function collectEvents(nats: NatsConnection, prefix: string): { events: CollectedEvent[]; stop(): void } {
  const subscription = nats.subscribe(`${prefix}.events.publishing.>`);
  const events: CollectedEvent[] = [];
  const codec = JSONCodec<CollectedEvent>();
  void (async () => {
    for await (const message of subscription) events.push(codec.decode(message.data));
  })();
  return { events, stop: () => subscription.unsubscribe() };
}

/** Publishes a domain event of another service onto JetStream, as its outbox relay would. */
export async function publishDomainEvent(nats: NatsConnection, prefix: string, organizationId: string, type: string, payload: object): Promise<string> {
  const id = randomUUID();
  const event = { id, type, organizationId, occurredAt: new Date().toISOString(), payload };
  await nats.jetstream().publish(`${prefix}.events.${type}`, JSON.stringify(event), { msgID: id });
  return id;
}

interface Owned {
  organizationId: string;
  body: Record<string, unknown>;
}

export interface StandInPortfolio {
  addProperty(organizationId: string, fields?: Record<string, unknown>): string;
  addUnit(organizationId: string, propertyId: string, fields?: Record<string, unknown>): string;
  addDocument(organizationId: string, fileName: string, contentType: string, bytes: Buffer): string;
  close(): void;
}

/** An apartment building in Berlin-Mitte with a consumption certificate, as portfolio answers it. */
export const BERLIN_PROPERTY = {
  name: 'Invalidenstraße 117',
  type: 'apartment_building',
  status: 'active',
  address: { street: 'Invalidenstraße', houseNumber: '117', postalCode: '10115', city: 'Berlin', state: 'Berlin', country: 'DE' },
  coordinates: { lat: 52.5306, lng: 13.3847 },
  livingArea: 1200,
  rooms: null,
  yearBuilt: 1998,
  energyCertificate: { type: 'consumption', value: 92.4, energyClass: 'C', validUntil: '2031-05-31', primaryEnergySource: 'district_heating' },
  amenities: ['elevator'],
};

/**
 * Portfolio's properties.get, units.get and document download in Nest's NATS wire format
 * (request `{pattern, data, id}`, reply `{id, response | err, isDisposed}`): knows only what a
 * test registers, each in one organization.
 */
export function standInPortfolio(nats: NatsConnection, prefix: string): StandInPortfolio {
  const records = new Map<string, Owned>();
  const files = new Map<string, Buffer>();
  const codec = JSONCodec<{ id: string; data: { id: string; offset?: number } }>();
  const subjects = ['portfolio.v1.properties.get', 'portfolio.v1.units.get', 'portfolio.v1.documents.download', 'portfolio.v1.documents.download-chunk'];
  const subscriptions = subjects.map((subject) => {
    const subscription = nats.subscribe(`${prefix}.${subject}`);
    void (async () => {
      for await (const message of subscription) {
        const request = codec.decode(message.data);
        const record = records.get(request.data.id);
        let response: unknown = record?.body;
        if (record && subject.endsWith('download-chunk')) {
          const bytes = files.get(request.data.id) as Buffer;
          response = { data: bytes.subarray(request.data.offset ?? 0, (request.data.offset ?? 0) + 4).toString('base64') };
        }
        const reply =
          record && record.organizationId === standInCallerOf(message.headers).organizationId
            ? { id: request.id, response, isDisposed: true }
            : { id: request.id, err: { status: 404, code: 'NOT_FOUND', message: `${request.data.id} not found` }, isDisposed: true };
        message.respond(JSON.stringify(reply));
      }
    })();
    return subscription;
  });
  return {
    addProperty: (organizationId, fields = {}) => {
      const id = randomUUID();
      records.set(id, { organizationId, body: { id, ...BERLIN_PROPERTY, ...fields } });
      return id;
    },
    addUnit: (organizationId, propertyId, fields = {}) => {
      const id = randomUUID();
      records.set(id, {
        organizationId,
        body: { id, propertyId, buildingId: randomUUID(), number: 'WE 3.2', floor: 3, type: 'apartment', area: 78.5, rooms: 3, bedrooms: 2, bathrooms: 1, targetRent: { amountCents: 145_000, currency: 'EUR' }, status: 'vacant', features: ['balcony', 'fitted_kitchen'], ...fields },
      });
      return id;
    },
    addDocument: (organizationId, fileName, contentType, bytes) => {
      const id = randomUUID();
      files.set(id, bytes);
      // Tiny chunks, so the download is read in several requests as portfolio does for big files.
      records.set(id, { organizationId, body: { documentId: id, version: 1, fileName, contentType, size: bytes.length, sha256: '', chunkBytes: 4 } });
      return id;
    },
    close: () => subscriptions.forEach((subscription) => subscription.unsubscribe()),
  };
}
