import { randomUUID } from 'node:crypto';
import { AuthSessionDto, IdentitySubjects, RegisterDto } from '@quartier/contracts-identity';
import { Caller, OrgCaller, RpcErrorBody } from '@quartier/contracts-shared';
import { RpcError } from '@quartier/messaging';
import { TestStack, testCaller } from '@quartier/testing';

/** A caller before login (register, login, refresh). */
export function anonymous(): Caller {
  return { requestId: randomUUID(), roles: [], scopes: [] };
}

/** The caller the gateway would send for a signed-in session. */
export function callerOf(session: AuthSessionDto): OrgCaller {
  return testCaller(session.organization.id, { userId: session.user.id, roles: [session.role], scopes: session.scopes });
}

export async function register(stack: TestStack, overrides: Partial<RegisterDto> = {}): Promise<AuthSessionDto> {
  const request: RegisterDto = {
    email: `${randomUUID()}@example.de`,
    password: 'correct horse battery',
    name: 'Anna Schmidt',
    organizationName: 'Schmidt Hausverwaltung',
    ...overrides,
  };
  return stack.rpc.request<AuthSessionDto>(IdentitySubjects.authRegister, request, anonymous());
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
