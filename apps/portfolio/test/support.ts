import { JSONCodec, NatsConnection, Subscription } from 'nats';
import { randomUUID } from 'node:crypto';
import { CheckLimitDto, IdentitySubjects } from '@quartier/contracts-identity';
import { BuildingOperations, CreateBuildingDto, CreatePropertyDto, CreateUnitDto, PropertyOperations, UnitOperations } from '@quartier/contracts-portfolio';
import { AnyOperation, OrgCaller, RequestOf, ResponseOf, RpcErrorBody } from '@quartier/contracts-shared';
import { OperationClient, RpcError } from '@quartier/messaging';
import { TestStack, standInCallerOf, testCaller } from '@quartier/testing';

const codec = JSONCodec<{ id: string; data: CheckLimitDto }>();
const STARTER_PROPERTY_LIMIT = 10;

/**
 * Stands in for identity's `limits.check` (the starter plan: 10 properties), speaking Nest's
 * NATS wire format, so portfolio is tested without booting identity.
 */
export interface LimitCheckCall {
  request: CheckLimitDto;
  organizationId?: string;
}

export function startIdentityLimitsStub(nats: NatsConnection, prefix: string): { seen: LimitCheckCall[]; stop(): void } {
  const seen: LimitCheckCall[] = [];
  const subscription: Subscription = nats.subscribe(`${prefix}.${IdentitySubjects.limitsCheck}`, {
    callback: (_error, message) => {
      const { id, data } = codec.decode(message.data);
      seen.push({ request: data, organizationId: standInCallerOf(message.headers).organizationId });
      const after = data.currentUsage + (data.adding ?? 1);
      const reply =
        after > STARTER_PROPERTY_LIMIT
          ? {
              id,
              err: { status: 402, code: 'PLAN_LIMIT_REACHED', message: 'The starter plan allows 10 properties', details: { limit: 10 } } satisfies RpcErrorBody,
              isDisposed: true,
            }
          : { id, response: { ok: true, resource: data.resource, limit: STARTER_PROPERTY_LIMIT, remaining: STARTER_PROPERTY_LIMIT - after }, isDisposed: true };
      message.respond(JSONCodec().encode(reply));
    },
  });
  return { seen, stop: () => subscription.unsubscribe() };
}

/** Calls a portfolio subject and returns the RpcError it fails with. */
export async function rpcFailure(stack: TestStack, subject: string, data: unknown, caller: OrgCaller): Promise<RpcError> {
  try {
    await stack.rpc.request(subject, data, caller);
  } catch (error) {
    if (error instanceof RpcError) return error;
    throw error;
  }
  throw new Error(`${subject} succeeded, but a failure was expected`);
}

export function propertyInput(overrides: Partial<CreatePropertyDto> = {}): CreatePropertyDto {
  return {
    name: 'Invalidenstraße 117',
    type: 'apartment_building',
    address: { street: 'Invalidenstraße', houseNumber: '117', postalCode: '10115', city: 'Berlin' },
    ...overrides,
  };
}

/** Calls a portfolio operation through the typed client, as other components do. */
export function send<Operation extends AnyOperation>(stack: TestStack, operation: Operation, payload: RequestOf<Operation>, caller: OrgCaller): Promise<ResponseOf<Operation>> {
  return new OperationClient(stack.rpc).send(operation, payload, caller);
}

/** An organization with a caller and helpers to create its portfolio. */
export function organization(stack: TestStack) {
  const caller = testCaller(randomUUID());
  return {
    caller,
    id: caller.organizationId,
    property: (overrides: Partial<CreatePropertyDto> = {}) => send(stack, PropertyOperations.create, propertyInput(overrides), caller),
    building: (propertyId: string, overrides: Partial<CreateBuildingDto> = {}) =>
      send(stack, BuildingOperations.create, { propertyId, name: 'Vorderhaus', floors: 4, ...overrides }, caller),
    unit: (buildingId: string, overrides: Partial<CreateUnitDto> = {}) =>
      send(stack, UnitOperations.create, { buildingId, number: `WE ${randomUUID().slice(0, 6)}`, floor: 1, type: 'apartment', area: 60, ...overrides }, caller),
  };
}

export async function waitFor<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
