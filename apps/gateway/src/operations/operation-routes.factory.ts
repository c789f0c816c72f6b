import { Body, Controller, Delete, Get, Headers, HttpCode, Inject, Patch, Post, Put, Query, Type, applyDecorators } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiExtension,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  OmitType,
} from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import { Public, RequireRoles, RequireScopes } from '@quartier/auth';
import { AnyOperation, Caller, HttpMethod, OperationHttp, pathParameters } from '@quartier/contracts-shared';
import { OperationClient } from '@quartier/messaging';
import { ApiAuthenticated, ApiProblems, ApiPublicProblems } from '../platform/api-docs';
import { UuidParam } from '../platform/validation';
import { RequestCaller } from '../security/caller.decorator';

/** Route name (the OpenAPI operationId's method part) → the operation it serves. */
export type OperationRoutes = Readonly<Record<string, AnyOperation>>;

/** Read case-insensitively; documented once under this name. */
const IDEMPOTENCY_KEY = 'Idempotency-Key';

const MAPPINGS: Record<HttpMethod, (path: string) => MethodDecorator> = { GET: Get, POST: Post, PUT: Put, PATCH: Patch, DELETE: Delete };

/** A public operation as a route: the descriptor's HTTP part, required. */
interface PublicOperation {
  operation: AnyOperation;
  http: OperationHttp;
}

/**
 * One Nest controller serving `routes` at /api/v1, built when the module is defined: method and
 * path, success status, the access requirement AccessGuard reads, OpenAPI (schemas, scopes,
 * problems for the declared error codes), edge validation of path ids, query or body, and the
 * call through OperationClient as the request's caller. `name` is the class name, so operationIds
 * read `<name>_<route>`.
 */
export function operationController(name: string, routes: OperationRoutes): Type<unknown> {
  const served = Object.entries(routes).map(([route, operation]): [string, PublicOperation] => {
    if (!operation.http) throw new Error(`${name}.${route}: ${operation.subject} has no HTTP route`);
    return [route, { operation, http: operation.http }];
  });
  const shared = sharedTags(name, served.map(([, { http }]) => http));

  @Controller()
  @ApiTags(...shared)
  class OperationsController {
    constructor(@Inject(OperationClient) readonly client: OperationClient) {}
  }
  Object.defineProperty(OperationsController, 'name', { value: name });
  const seen = new Map<string, string>();
  for (const [route, publicOperation] of served) {
    const endpoint = `${publicOperation.http.method} ${publicOperation.http.path}`;
    const clash = seen.get(endpoint);
    if (clash) throw new Error(`${name}: ${endpoint} is served by both ${clash} and ${route}`);
    seen.set(endpoint, route);
    defineRoute(OperationsController.prototype, route, publicOperation, shared);
  }
  return OperationsController;
}

/**
 * The tags every route has, declared on the controller: Swagger tags a controller without
 * class tags after its name, which no client should see.
 */
function sharedTags(name: string, routes: readonly OperationHttp[]): string[] {
  const shared = routes[0]?.tags.filter((tag) => routes.every((http) => http.tags.includes(tag))) ?? [];
  if (shared.length === 0) throw new Error(`${name}: its routes must share a tag`);
  return shared;
}

/**
 * The handler's parameters: the query or body (absent when the operation reads none), the path
 * ids, the caller, and the Idempotency-Key header when the operation honours it.
 */
function defineRoute(prototype: object, route: string, { operation, http }: PublicOperation, controllerTags: readonly string[]): void {
  const ids = pathParameters(http.path);
  const input = inputClass(operation, ids);
  const honoursKey = operation.idempotency === 'key';
  const callerIndex = ids.length + 1;

  async function handle(this: { client: OperationClient }, ...args: unknown[]): Promise<unknown> {
    const [received] = args;
    const payload: Record<string, unknown> = typeof received === 'object' && received !== null ? { ...received } : {};
    ids.forEach((id, index) => (payload[id] = args[index + 1]));
    const idempotencyKey = honoursKey ? args[callerIndex + 1] : undefined;
    if (idempotencyKey !== undefined) payload.idempotencyKey = idempotencyKey;
    const response = await this.client.send(operation, payload, args[callerIndex] as Caller);
    return http.status === 204 ? undefined : response;
  }
  // Swagger names the operationId after the function.
  Object.defineProperty(handle, 'name', { value: route });
  Object.defineProperty(prototype, route, { value: handle, writable: true, configurable: true });

  const readsQuery = http.method === 'GET' || http.method === 'DELETE';
  if (input) (readsQuery ? Query() : Body())(prototype, route, 0);
  ids.forEach((id, index) => UuidParam(id)(prototype, route, index + 1));
  RequestCaller()(prototype, route, callerIndex);
  if (honoursKey) Headers(IDEMPOTENCY_KEY)(prototype, route, callerIndex + 1);
  // What the edge ValidationPipe and Swagger read for each parameter.
  const paramTypes = [input ?? Object, ...ids.map(() => String), Object, ...(honoursKey ? [String] : [])];
  Reflect.defineMetadata('design:paramtypes', paramTypes, prototype, route);

  const descriptor = Object.getOwnPropertyDescriptor(prototype, route);
  if (!descriptor) throw new Error(`${route} was not defined`);
  routeDecorators(operation, http, controllerTags)(prototype, route, descriptor);
}

function routeDecorators(operation: AnyOperation, http: OperationHttp, controllerTags: readonly string[]): MethodDecorator {
  const ownTags = http.tags.filter((tag) => !controllerTags.includes(tag));
  const statuses = [...new Set(Object.values<number>(operation.errors))];
  const access =
    operation.access === 'public'
      ? [Public(), ApiPublicProblems(...statuses)]
      : [
          RequireScopes(...operation.access.scopes),
          ...(operation.access.roles?.length ? [RequireRoles(...operation.access.roles)] : []),
          ApiAuthenticated(),
          ApiProblems(...statuses),
        ];
  return applyDecorators(
    MAPPINGS[http.method](http.path.slice(1)),
    HttpCode(http.status),
    ...(ownTags.length > 0 ? [ApiTags(...ownTags)] : []),
    ApiOperation({ summary: http.summary, ...(http.description ? { description: http.description } : {}) }),
    successResponse(operation, http),
    ...access,
    // Who may call it, machine-readable beside the bearer requirement (OpenAPI has no place for roles).
    ApiExtension('x-quartier-access', operation.access === 'public' ? { public: true } : operation.access),
    ...(operation.idempotency === 'key'
      ? [ApiHeader({ name: IDEMPOTENCY_KEY, required: false, description: 'Repeat a request safely: the same key returns the first result' })]
      : []),
  );
}

function successResponse(operation: AnyOperation, http: OperationHttp): MethodDecorator {
  const description = http.responseDescription ? { description: http.responseDescription } : {};
  if (http.status === 204) return ApiNoContentResponse({ description: http.responseDescription ?? 'No content' });
  const options = { type: operation.response, ...description };
  return http.status === 201 ? ApiCreatedResponse(options) : ApiOkResponse(options);
}

/** The request class without its path ids, or nothing when no query or body field is left. */
function inputClass(operation: AnyOperation, ids: readonly string[]): Type<object> | undefined {
  const request: Type<object> = operation.request;
  // The ids are the request's own fields; `object` names no keys for the type checker.
  const input = ids.length > 0 ? OmitType(request, ids as readonly never[]) : request;
  const fields = getMetadataStorage().getTargetValidationMetadatas(input, '', true, false);
  return fields.length > 0 ? input : undefined;
}
