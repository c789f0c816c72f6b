/** The part of an OpenAPI 3 schema object the fuzzer reads. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}

interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

interface OperationObject {
  operationId?: string;
  parameters?: ParameterObject[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  security?: unknown[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface Parameter {
  name: string;
  required: boolean;
  schema: Schema;
}

/** One route of the document, its schemas resolved. */
export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As documented, e.g. `/api/v1/units/{id}`. */
  path: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  headerParams: Parameter[];
  /** The JSON (or multipart form) body, when the route takes one. */
  body?: { contentType: string; schema: Schema };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
/** Deep enough for every DTO of the document; self-referencing schemas (folder trees) stop here. */
const MAX_REF_DEPTH = 6;

/** Every operation of the document, with `$ref` and `allOf` resolved. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  const schemas = document.components?.schemas ?? {};
  const resolve = (schema: Schema | undefined, depth = 0): Schema => resolveSchema(schemas, schema ?? {}, depth);
  const parameters = (operation: OperationObject, place: ParameterObject['in']): Parameter[] =>
    (operation.parameters ?? [])
      .filter((parameter) => parameter.in === place)
      .map((parameter) => ({ name: parameter.name, required: parameter.required === true, schema: resolve(parameter.schema) }));
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method): Operation => {
      const operation = item[method];
      const [contentType, media] = Object.entries(operation.requestBody?.content ?? {})[0] ?? [];
      return {
        method: method.toUpperCase() as Operation['method'],
        path,
        pathParams: parameters(operation, 'path'),
        queryParams: parameters(operation, 'query'),
        headerParams: parameters(operation, 'header'),
        body: contentType ? { contentType, schema: resolve(media?.schema) } : undefined,
      };
    }),
  );
}

function resolveSchema(schemas: Record<string, Schema>, schema: Schema, depth: number): Schema {
  if (depth > MAX_REF_DEPTH) return { type: 'object' };
  if (schema.$ref) return resolveSchema(schemas, schemas[schema.$ref.replace('#/components/schemas/', '')] ?? {}, depth + 1);
  const { allOf, ...rest } = schema;
  const merged: Schema = allOf ? Object.assign({}, ...allOf.map((part) => resolveSchema(schemas, part, depth + 1)), rest) : { ...rest };
  if (merged.items) merged.items = resolveSchema(schemas, merged.items, depth + 1);
  if (merged.properties) {
    merged.properties = Object.fromEntries(Object.entries(merged.properties).map(([key, value]) => [key, resolveSchema(schemas, value, depth + 1)]));
  }
  if (merged.oneOf) merged.oneOf = merged.oneOf.map((part) => resolveSchema(schemas, part, depth + 1));
  if (merged.anyOf) merged.anyOf = merged.anyOf.map((part) => resolveSchema(schemas, part, depth + 1));
  return merged;
}
