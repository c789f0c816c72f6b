import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Injectable,
  Param,
  Patch,
  PipeTransform,
  Post,
  Put,
  Query,
  Type,
  applyDecorators,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  OmitType,
} from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { IS_UUID, ValidationTypes, getMetadataStorage, validateSync } from 'class-validator';
import { AnyOperation, Caller, CommonErrorCode, DtoClass, HttpMethod, OperationHttp, pathParameters } from '@quartier/contracts-shared';
import { OperationClient, flattenValidationErrors } from '@quartier/messaging';
import { ApiAuthenticated, ApiProblems, ApiPublicProblems } from '../platform/api-docs';
import { ProblemException } from '../platform/problem';
import { UuidParam } from '../platform/validation';
import { RequestCaller } from '../security/caller.decorator';
import { OperationAccess } from './operation-access.decorator';

/** Route name (the OpenAPI operationId's method part) → the operation it serves. */
export type OperationRoutes = Readonly<Record<string, AnyOperation>>;

/**
 * What a generated controller offers a class that extends it: routes the factory cannot express
 * (uploads, downloads, answers built from several calls) are written by hand in a subclass
 * (`@Controller() class MeController extends operationController('MeController', …)`, full paths
 * on its methods) and call through the same client.
 */
export interface OperationController {
  readonly client: OperationClient;
}

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
export function operationController(name: string, routes: OperationRoutes): Type<OperationController> {
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
 * ids and the caller (which carries the Idempotency-Key of a mutating request).
 */
function defineRoute(prototype: object, route: string, { operation, http }: PublicOperation, controllerTags: readonly string[]): void {
  const ids = pathParameters(http.path);
  const input = inputClass(operation, ids);
  const callerIndex = ids.length + 1;

  async function handle(this: { client: OperationClient }, ...args: unknown[]): Promise<unknown> {
    const [received] = args;
    const payload: Record<string, unknown> = typeof received === 'object' && received !== null ? { ...received } : {};
    ids.forEach((id, index) => (payload[id] = args[index + 1]));
    const response = await this.client.send(operation, payload, args[callerIndex] as Caller);
    return http.status === 204 ? undefined : response;
  }
  // Swagger names the operationId after the function.
  Object.defineProperty(handle, 'name', { value: route });
  Object.defineProperty(prototype, route, { value: handle, writable: true, configurable: true });

  const readsQuery = http.method === 'GET' || http.method === 'DELETE';
  if (input) (readsQuery ? Query() : Body())(prototype, route, 0);
  // Swagger lists parameters in the reverse of their decoration: the last path id first, so the
  // document names them in path order, before the query (as the hand-written routes did).
  for (let index = ids.length - 1; index >= 0; index--) pathParameter(operation.request, ids[index])(prototype, route, index + 1);
  RequestCaller()(prototype, route, callerIndex);
  // What the edge ValidationPipe and Swagger read for each parameter.
  const paramTypes = [input ?? Object, ...ids.map(() => String), Object];
  Reflect.defineMetadata('design:paramtypes', paramTypes, prototype, route);

  const descriptor = Object.getOwnPropertyDescriptor(prototype, route);
  if (!descriptor) throw new Error(`${route} was not defined`);
  routeDecorators(operation, http, controllerTags)(prototype, route, descriptor);
}

function routeDecorators(operation: AnyOperation, http: OperationHttp, controllerTags: readonly string[]): MethodDecorator {
  const ownTags = http.tags.filter((tag) => !controllerTags.includes(tag));
  const statuses = [...new Set(Object.values<number>(operation.errors))];
  const problems = operation.access === 'public' ? [ApiPublicProblems(...statuses)] : [ApiAuthenticated(), ApiProblems(...statuses)];
  return applyDecorators(
    MAPPINGS[http.method](http.path.slice(1)),
    HttpCode(http.status),
    ...(ownTags.length > 0 ? [ApiTags(...ownTags)] : []),
    ApiOperation({ summary: http.summary, ...(http.description ? { description: http.description } : {}) }),
    successResponse(operation, http),
    // The scopes and roles AccessGuard checks, and x-quartier-access (OpenAPI has no place for roles).
    OperationAccess(operation),
    ...problems,
  );
}

function successResponse(operation: AnyOperation, http: OperationHttp): MethodDecorator {
  const description = http.responseDescription ? { description: http.responseDescription } : {};
  if (http.status === 204) return ApiNoContentResponse({ description: http.responseDescription ?? 'No content' });
  const options = { type: operation.response, ...description };
  if (http.status === 202) return ApiAcceptedResponse(options);
  return http.status === 201 ? ApiCreatedResponse(options) : ApiOkResponse(options);
}

/**
 * A path parameter checked like its field of the request class: a UUID field (or one without
 * rules) answers as `UuidParam` does; any other (a token, a slug) is validated with the field's
 * own rules.
 */
function pathParameter(request: DtoClass<object>, name: string): ParameterDecorator {
  const rules = getMetadataStorage()
    .getTargetValidationMetadatas(request, '', true, false)
    .filter((rule) => rule.propertyName === name);
  const isUuid = rules.length === 0 || rules.some((rule) => rule.type === ValidationTypes.CUSTOM_VALIDATION && rule.name === IS_UUID);
  return isUuid ? UuidParam(name) : Param(name, new PathFieldPipe(request, name));
}

/** Validates one path parameter against its field of the request class (422 naming the parameter). */
@Injectable()
class PathFieldPipe implements PipeTransform<string, string> {
  constructor(
    private readonly request: DtoClass<object>,
    private readonly name: string,
  ) {}

  transform(value: string): string {
    const errors = validateSync(plainToInstance(this.request, { [this.name]: value })).filter((error) => error.property === this.name);
    if (errors.length > 0) {
      throw new ProblemException(422, CommonErrorCode.VALIDATION_FAILED, 'The request is invalid', flattenValidationErrors(errors));
    }
    return value;
  }
}

/**
 * The query or body class: the request class without its path ids, or nothing when no field is
 * left. A request class that only adds the ids to a base class (`class ChangeRoleDto extends
 * RoleDto { @IsUUID() memberId }`) is read as that base class, which names the body schema.
 */
function inputClass(operation: AnyOperation, ids: readonly string[]): Type<object> | undefined {
  const request: Type<object> = operation.request;
  // The ids are the request's own fields; `object` names no keys for the type checker.
  const input = ids.length === 0 ? request : (bodyBase(request, ids) ?? OmitType(request, ids as readonly never[]));
  return fieldsOf(input).length > 0 ? input : undefined;
}

function bodyBase(request: Type<object>, ids: readonly string[]): Type<object> | undefined {
  const base: unknown = Object.getPrototypeOf(request);
  if (typeof base !== 'function' || base === Function.prototype) return undefined;
  const wanted = fieldsOf(request).filter((field) => !ids.includes(field));
  const own = fieldsOf(base as Type<object>);
  return own.length === wanted.length && wanted.every((field) => own.includes(field)) ? (base as Type<object>) : undefined;
}

/** The validated fields of a class, its inherited ones included. */
function fieldsOf(type: Type<object>): string[] {
  return [...new Set(getMetadataStorage().getTargetValidationMetadatas(type, '', true, false).map((rule) => rule.propertyName))];
}
