import { INestApplication, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiResponse, DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { STATUS_CODES } from 'node:http';

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

function problemResponses(statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: PROBLEM_DESCRIPTIONS[status] ?? STATUS_CODES[status] ?? 'Error',
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
  return ApiBearerAuth('bearer');
}

/** OpenAPI document with Swagger UI at /docs and /api/docs, JSON at /docs-json and /api/openapi.json. */
export function setUpApiDocs(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Quartier API')
    .setDescription(
      'Property management: organizations and users, portfolio (properties, buildings, units) and more. ' +
        'Errors are RFC 9457 problems (`application/problem+json`). Every response carries `X-Request-ID` and `X-RateLimit-*`.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Access token from /api/v1/auth/login' }, 'bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ProblemDto] });
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/openapi.json', yamlDocumentUrl: 'api/openapi.yaml' });
}
