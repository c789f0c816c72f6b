import { CallerRole, Scope } from './caller';

/** A class that validation (class-validator) and OpenAPI can read: request DTOs and response views. */
export type DtoClass<T> = new () => T;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** 204 answers without a body, whatever the service returns. */
export type SuccessStatus = 200 | 201 | 202 | 204;

/** Statuses a service's coded error may carry (ARCHITECTURE §3: a 500 is a bug, never declared). */
export type ErrorStatus = 400 | 401 | 402 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 502 | 503 | 504;

/** How a public operation appears under /api/v1. */
export interface OperationHttp {
  method: HttpMethod;
  /** Under /api/v1, `:name` for a path parameter (a UUID), e.g. `/avm/valuations/:id`. */
  path: string;
  status: SuccessStatus;
  summary: string;
  description?: string;
  tags: readonly string[];
  /** OpenAPI description of the success response (a 204 has no body to describe). */
  responseDescription?: string;
}

/** Every listed scope and, when roles are listed, one of them (the rule of `isAllowed` in libs/auth). */
export interface OperationAccess {
  scopes: readonly Scope[];
  roles?: readonly CallerRole[];
}

/**
 * Repeating the call: `safe` reads; `idempotent` has the same effect once or twice (a delete, a
 * bulk insert keyed by externalId); `none` does it again. Every operation that is not `safe`
 * honours the client's `Idempotency-Key`: the service stores its first answer under the key and
 * replays it (libs/messaging idempotency), so `none` only describes a repeat without a key.
 */
export type Idempotency = 'safe' | 'idempotent' | 'none';

/**
 * The one declaration of an operation (ARCHITECTURE §3). The typed client, the service's handler
 * decorator, the gateway route and its OpenAPI entry are all derived from it.
 */
export interface OperationDescriptor<Req extends object = object, Res = unknown, Code extends string = string> {
  /** The owning service, first segment of the subject. */
  service: string;
  /** Without the deployment prefix: `<service>.v<n>.<action>`. */
  subject: string;
  /** Validated at the gateway (client input) and by the service's handler (bus input). */
  request: DtoClass<Req>;
  /** The response body, documented in OpenAPI. */
  response: DtoClass<Res>;
  /** Absent: callable over the bus only. */
  http?: OperationHttp;
  /** `public`: no authentication (login, register). */
  access: OperationAccess | 'public';
  /** A list read page by page (`?page=&size=&sort=`). */
  paged: boolean;
  idempotency: Idempotency;
  /** The coded errors the operation answers with and their HTTP statuses. */
  errors: Readonly<Record<Code, ErrorStatus>>;
  /** Overrides the client's default deadline for work that takes longer (model fitting). */
  timeoutMs?: number;
}

/** Any descriptor: what registries and factories take. */
export type AnyOperation = OperationDescriptor<object, unknown, string>;

export type RequestOf<Operation> = Operation extends OperationDescriptor<infer Req, unknown, string> ? Req : never;
export type ResponseOf<Operation> = Operation extends OperationDescriptor<object, infer Res, string> ? Res : never;
export type ErrorCodeOf<Operation> = Operation extends OperationDescriptor<object, unknown, infer Code> ? Code : never;

const SUBJECT = /^[a-z][a-z0-9-]*\.v[1-9][0-9]*(\.[a-z][a-z0-9-]*)+$/;

/** Declares an operation; the generic types follow from the request and response classes and the error codes. */
export function defineOperation<Req extends object, Res, Code extends string = never>(
  operation: OperationDescriptor<Req, Res, Code>,
): Readonly<OperationDescriptor<Req, Res, Code>> {
  if (!SUBJECT.test(operation.subject) || !operation.subject.startsWith(`${operation.service}.`)) {
    throw new Error(`Operation subject ${operation.subject} must read <service>.v<n>.<action> with service ${operation.service}`);
  }
  if (operation.http && !operation.http.path.startsWith('/')) {
    throw new Error(`Operation ${operation.subject}: the HTTP path ${operation.http.path} must start with /`);
  }
  return Object.freeze({ ...operation, errors: Object.freeze({ ...operation.errors }) });
}

/** The `:name` parameters of an operation's HTTP path, in order. */
export function pathParameters(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z][A-Za-z0-9]*)/g)].map((match) => match[1]);
}

/** The request of an operation that takes no input: the gateway reads no query or body for it. */
export class EmptyRequest {}

/** `{ name: subject }` of a group of operations, for code that needs the bare subject (health probes). */
export function subjectsOf<Group extends Record<string, AnyOperation>>(group: Group): { readonly [Name in keyof Group]: string } {
  return Object.fromEntries(Object.entries(group).map(([name, operation]) => [name, operation.subject])) as { [Name in keyof Group]: string };
}
