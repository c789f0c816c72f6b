import { INestApplication, applyDecorators } from '@nestjs/common';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import {
  ApiBearerAuth,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  DocumentBuilder,
  OpenAPIObject,
  OperationObject,
  PathItemObject,
  ParameterObject,
  SwaggerModule,
} from '@nestjs/swagger';
import { STATUS_CODES } from 'node:http';
import { PUBLIC_KEY } from '@quartier/auth';

class FieldErrorDto {
  @ApiProperty({ example: 'address.postalCode' }) field!: string;
  @ApiProperty({ example: 'postalCode must be a valid postal code' }) message!: string;
}

/** RFC 9457 problem details, the body of every error response. */
export class ProblemDto {
  @ApiProperty({ example: 'urn:problem:quartier:validation-failed' }) type!: string;
  @ApiProperty({ example: 'Unprocessable Entity' }) title!: string;
  @ApiProperty({ example: 422 }) status!: number;
  @ApiProperty({ example: 'The request is invalid' }) detail!: string;
  @ApiProperty({ example: 'VALIDATION_FAILED' }) code!: string;
  @ApiProperty({ example: '5f0c8a1e-3c1b-4a53-9d59-0f3f2f1a9c11' }) requestId!: string;
  @ApiProperty({ type: () => FieldErrorDto, isArray: true }) errors!: FieldErrorDto[];
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) details?: Record<string, unknown>;
}

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed request',
  401: 'Missing, invalid or expired credentials',
  402: 'Plan limit reached or subscription inactive',
  403: 'The role does not allow this action',
  404: 'Not found (or belongs to another organization)',
  409: 'Conflicts with the current state',
  413: 'Request body too large',
  415: 'Unsupported content type',
  422: 'Validation failed; `errors` lists the fields',
  429: 'Rate limit exceeded; see Retry-After',
  503: 'A service is unavailable',
  504: 'A service did not answer in time',
};

const BEARER = 'bearer';
const MUTATING_METHODS = ['post', 'put', 'patch', 'delete'] as const satisfies (keyof PathItemObject)[];

/** The Idempotency-Key header, declared once under components and referenced by every mutating operation. */
export const IDEMPOTENCY_KEY_PARAMETER = 'IdempotencyKey';
const IDEMPOTENCY_KEY_DOC: ParameterObject = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Makes a retry safe: 1–255 visible ASCII characters, unique per change (a UUID). The same key with the same request answers ' +
    'what the first request answered without doing it again; with another request it is a 422 (IDEMPOTENCY_KEY_REUSED); while ' +
    'the first request still runs, a retry waits for it or gets a 503 (IDEMPOTENCY_KEY_IN_USE) with Retry-After. Only successful ' +
    'answers are kept, for at least 24 hours (IDEMPOTENCY_RETENTION_HOURS).',
  schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7E]+$' },
};
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const satisfies (keyof PathItemObject)[];

function problemDescription(status: number): string {
  return PROBLEM_DESCRIPTIONS[status] ?? STATUS_CODES[status] ?? 'Error';
}

function problemResponses(statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: problemDescription(status),
        type: ProblemDto,
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDto' } } },
      }),
    ),
  );
}

/** Error responses every authenticated route can give, plus the route's own ones. */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return problemResponses([...new Set([401, 403, 429, 503, 504, ...statuses])].sort());
}

/** Exactly these error responses: ops routes, which are never throttled. */
export function ApiOpsProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return problemResponses(statuses);
}

/** Error responses of a public route. */
export function ApiPublicProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return problemResponses([...new Set([429, 503, 504, ...statuses])].sort());
}

/** A bearer-authenticated route group. */
export function ApiAuthenticated(): MethodDecorator & ClassDecorator {
  return ApiBearerAuth(BEARER);
}

/** Nest's default operation id, passed explicitly so `publicOperationIds` computes the same ids. */
function operationId(controllerKey: string, methodKey: string): string {
  return `${controllerKey}_${methodKey}`;
}

/** Operation ids of the handlers the access guard lets anyone call: the same @Public() lookup as AccessGuard. */
function publicOperationIds(app: INestApplication): Set<string> {
  const reflector = app.get(Reflector);
  const scanner = new MetadataScanner();
  const ids = new Set<string>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const { instance } of module.controllers.values()) {
      if (!instance) continue;
      const prototype: object = Object.getPrototypeOf(instance);
      for (const methodKey of scanner.getAllMethodNames(prototype)) {
        const handler: unknown = Reflect.get(prototype, methodKey);
        if (typeof handler !== 'function') continue;
        // Swagger names the operation after the function, which may differ from the property it is defined as.
        if (reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [handler, instance.constructor])) ids.add(operationId(instance.constructor.name, handler.name));
      }
    }
  }
  return ids;
}

/** Adds the problem responses an operation does not document yet, in the shape `ApiProblems` gives them. */
function addProblems(operation: OperationObject, statuses: number[]): void {
  for (const status of statuses) {
    operation.responses[status] ??= {
      description: problemDescription(status),
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ProblemDto' } } },
    };
  }
}

/**
 * What every operation documents, applied to the whole document so that no route (generated ones
 * included) can forget it: public routes declare `security: []`; every other route needs the
 * bearer token and can answer 401 and 403; every /api route is rate limited (429; the edge
 * exempts only the /health and /metrics probes).
 */
export function applyOperationPolicy(document: OpenAPIObject, publicIds: ReadonlySet<string>): void {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      if (operation.operationId !== undefined && publicIds.has(operation.operationId)) {
        operation.security = [];
      } else {
        operation.security ??= [{ [BEARER]: [] }];
        addProblems(operation, [401, 403]);
      }
      if (path.startsWith('/api/')) addProblems(operation, [429]);
    }
    if (path.startsWith('/api/')) for (const method of MUTATING_METHODS) if (item[method]) addIdempotencyKey(document, item[method]);
  }
}

/** Every mutating /api route honours Idempotency-Key (ARCHITECTURE §7): documented here, so none can forget it. */
function addIdempotencyKey(document: OpenAPIObject, operation: OperationObject): void {
  document.components ??= {};
  document.components.parameters ??= {};
  document.components.parameters[IDEMPOTENCY_KEY_PARAMETER] ??= IDEMPOTENCY_KEY_DOC;
  operation.parameters = [...(operation.parameters ?? []), { $ref: `#/components/parameters/${IDEMPOTENCY_KEY_PARAMETER}` }];
  addProblems(operation, [422, 503]);
}

/** The OpenAPI document of every route, with the operation policy applied. */
function createApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Quartier API')
    .setDescription(
      'Property management: organizations and users, portfolio (properties, buildings, units) and more. ' +
        'Errors are RFC 9457 problems (`application/problem+json`). Every response carries `X-Request-ID` and `X-RateLimit-*`.',
    )
    .setVersion('1')
    // Relative: the paths carry their own prefix (/api/v1, and /health and /metrics without it).
    .addServer('/', 'This gateway')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Access token from /api/v1/auth/login' }, BEARER)
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ProblemDto], operationIdFactory: operationId });
  applyOperationPolicy(document, publicOperationIds(app));
  // No license URL to give (the builder would write an empty one): redocly.yaml says why info-license-strict is off.
  document.info.license = { name: 'Proprietary' };
  return document;
}

/** OpenAPI document with Swagger UI at /docs and /api/docs, JSON at /docs-json and /api/openapi.json. */
export function setUpApiDocs(app: INestApplication): void {
  const document = createApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/openapi.json', yamlDocumentUrl: 'api/openapi.yaml' });
}
