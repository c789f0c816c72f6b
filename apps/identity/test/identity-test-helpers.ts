import { randomUUID } from 'node:crypto';
import { AuthOperations, AuthSessionDto, RegisterDto } from '@quartier/contracts-identity';
import { AnyOperation, Caller, OrgCaller, RequestOf, ResponseOf, RpcErrorBody } from '@quartier/contracts-shared';
import { OperationClient, RpcError } from '@quartier/messaging';
import { TestStack, testCaller } from '@quartier/testing';

/** A caller before login (register, login, refresh). */
export function anonymous(): Caller {
  return { requestId: randomUUID(), roles: [], scopes: [] };
}

/** The caller the gateway would send for a signed-in session. */
export function callerOf(session: AuthSessionDto): OrgCaller {
  return testCaller(session.organization.id, { userId: session.user.id, roles: [session.role], scopes: session.scopes });
}

/** Calls an identity operation the way every component does, typed by its descriptor. */
export function send<Operation extends AnyOperation>(
  stack: TestStack,
  operation: Operation,
  payload: RequestOf<Operation>,
  caller: Caller,
): Promise<ResponseOf<Operation>> {
  return new OperationClient(stack.rpc).send(operation, payload, caller);
}

export async function register(stack: TestStack, overrides: Partial<RegisterDto> = {}): Promise<AuthSessionDto> {
  const request: RegisterDto = {
    email: `${randomUUID()}@example.de`,
    password: 'correct horse battery',
    name: 'Anna Schmidt',
    organizationName: 'Schmidt Hausverwaltung',
    ...overrides,
  };
  return send(stack, AuthOperations.register, request, anonymous());
}

/** The error body of a call that must fail. */
export async function failure(call: Promise<unknown>): Promise<RpcErrorBody> {
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof RpcError)) throw new Error(`Expected an RpcError, got ${String(error)}`);
  return error.body;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
