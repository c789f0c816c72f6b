import fc from 'fast-check';
import { Operation, Parameter, Schema } from './openapi-operations';

/** A JSON number written exactly as given (`-0`, `1e-7`, `1e400`), which JSON.stringify would rewrite. */
export class RawNumber {
  constructor(readonly text: string) {}
}

/** Ids the fuzzer may put into paths and bodies. */
export interface IdPools {
  /** Real ids of the fuzzing organization by kind (`property`, `unit`, …). */
  own: Record<string, string[]>;
  /** Real ids of another organization. */
  foreign: string[];
}

/** One HTTP request as the fuzzer sends it: path and query already percent-encoded. */
export interface FuzzRequest {
  method: Operation['method'];
  path: string;
  headers: Record<string, string>;
  body?: string;
}

const HOSTILE_NUMBERS = [
  '2147483648',
  '-2147483649',
  '9007199254740993',
  '99999999999999999999',
  '1e308',
  '-1e308',
  '1e400',
  '1e-7',
  '-0',
  '0.5',
  '-1',
  '1E+2',
].map((text) => new RawNumber(text));

const HOSTILE_STRINGS = [
  '',
  ' ',
  'x'.repeat(10_001),
  'a\u0000b',
  '\u0000',
  '\uD800',
  'ab\uDFFFcd',
  'page\vbreak\ffeed',
  '\u001b[31m\u0007',
  '1e308',
  'NaN',
  '-0',
  '2147483648',
  'null',
  '<x>&amp;</x>]]>',
  "'; DROP TABLE units;--",
  '😀'.repeat(300),
  '../../etc/passwd',
  '2024-02-30',
  '0000-00-00T25:61:61Z',
  '0000-01-01',
  '9999-12-31',
  '+002024-01-01',
  '2024-W05-3',
];

const HOSTILE_SHAPES: unknown[] = [null, true, false, [], [[[]]], {}, { a: {} }, [null], [{}], ['x', 1, null]];

/** Any value a careless client could send in place of a field. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HOSTILE_NUMBERS),
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.constantFrom(...HOSTILE_SHAPES),
  fc.oneof(fc.integer(), fc.double(), fc.string(), fc.boolean()),
);

/** Query and path values, already percent-encoded: invalid UTF-8 and NUL included. */
const HOSTILE_URL_VALUES = [
  '',
  'junk',
  '-1',
  '0',
  '1e308',
  '99999999999999999999',
  '1.5',
  'NaN',
  'Infinity',
  '%00',
  '%ED%A0%80',
  '%C0%AE',
  '%FF',
  '%0B%0C',
  '%',
  '%25',
  'a'.repeat(2_000),
  '-id,%2Bjunk,,',
  '%5B%5D',
  '00000000-0000-0000-0000-000000000000',
];

const MAX_DEPTH = 4;

/** Writes JSON like JSON.stringify, but keeps RawNumber texts as they are. */
export function toJson(value: unknown): string {
  if (value instanceof RawNumber) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)}:${toJson(item)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const kindOf = (name: string): string => name.replace(/Ids?$/, '').toLowerCase();

function idArbitrary(name: string, pools: IdPools): fc.Arbitrary<string> {
  const own = pools.own[kindOf(name)] ?? Object.values(pools.own).flat();
  const choices: fc.Arbitrary<string>[] = [fc.uuid()];
  if (own.length) choices.push(fc.constantFrom(...own), fc.constantFrom(...own));
  if (pools.foreign.length) choices.push(fc.constantFrom(...pools.foreign));
  return fc.oneof(...choices);
}

function dateArbitrary(): fc.Arbitrary<Date> {
  return fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true });
}

/** Values the schema allows (the server may still refuse them by rules the schema does not carry). */
export function validValue(schema: Schema, name: string, pools: IdPools, depth = 0): fc.Arbitrary<unknown> {
  const options = schema.oneOf ?? schema.anyOf;
  if (options?.length) return fc.oneof(...options.map((option) => validValue(option, name, pools, depth)));
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const withExample = (arbitrary: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
    schema.example === undefined ? arbitrary : fc.oneof(fc.constant(schema.example), arbitrary);
  switch (schema.type) {
    case 'string':
      return withExample(stringValue(schema, name, pools));
    case 'integer': {
      const min = Math.ceil(schema.minimum ?? 0) + (schema.exclusiveMinimum === true ? 1 : 0);
      return withExample(fc.integer({ min, max: Math.max(min, Math.min(schema.maximum ?? 100_000, 2_147_483_647)) }));
    }
    case 'number': {
      const min = schema.minimum ?? 0;
      const max = Math.max(min + 1, schema.maximum ?? 10_000);
      return withExample(fc.integer({ min: Math.ceil(min * 100) + 1, max: Math.floor(max * 100) }).map((hundredths) => hundredths / 100));
    }
    case 'boolean':
      return fc.boolean();
    case 'array':
      if (depth >= MAX_DEPTH) return fc.constant([]);
      return withExample(
        fc.array(validValue(schema.items ?? {}, name.replace(/s$/, ''), pools, depth + 1), {
          minLength: schema.minItems ?? 0,
          maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)),
        }),
      );
    default:
      return objectValue(schema, pools, depth);
  }
}

function stringValue(schema: Schema, name: string, pools: IdPools): fc.Arbitrary<unknown> {
  if (schema.format === 'uuid') return idArbitrary(name, pools);
  if (schema.format === 'email') return fc.emailAddress();
  if (schema.format === 'date') return dateArbitrary().map((date) => date.toISOString().slice(0, 10));
  if (schema.format === 'date-time') return dateArbitrary().map((date) => date.toISOString());
  if (schema.format === 'binary') return fc.string();
  const minLength = schema.minLength ?? 0;
  return fc.string({ minLength, maxLength: Math.max(minLength, Math.min(schema.maxLength ?? 40, 40)) });
}

function objectValue(schema: Schema, pools: IdPools, depth: number): fc.Arbitrary<unknown> {
  if (depth >= MAX_DEPTH) return fc.constant({});
  const properties = schema.properties ?? {};
  if (Object.keys(properties).length === 0) {
    return fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean()), { maxKeys: 3 });
  }
  const record = Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, validValue(value, key, pools, depth + 1)]));
  return fc.record(record, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) });
}

type Path = (string | number)[];

/** Where a hostile value can go: every present field and array element, and every documented field. */
function pathsOf(value: unknown, schema: Schema, prefix: Path = []): Path[] {
  const paths: Path[] = [];
  if (Array.isArray(value)) {
    value.forEach((item, index) => paths.push([...prefix, index], ...pathsOf(item, schema.items ?? {}, [...prefix, index])));
  } else if (value && typeof value === 'object') {
    const keys = new Set([...Object.keys(value), ...Object.keys(schema.properties ?? {})]);
    for (const key of keys) {
      paths.push([...prefix, key], ...pathsOf((value as Record<string, unknown>)[key], schema.properties?.[key] ?? {}, [...prefix, key]));
    }
  }
  return paths;
}

function setAt(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((item, index) => (index === head ? setAt(item, rest, replacement) : item));
  const record = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  return { ...record, [head]: setAt(record[head], rest, replacement) };
}

function deepJson(depth: number): string {
  return `${'{"a":['.repeat(depth)}${']}'.repeat(depth)}`;
}

function manyKeys(count: number): Record<string, number> {
  return Object.fromEntries(Array.from({ length: count }, (_, index) => [`k${index}`, index]));
}

/** JSON text that is not well-formed, or well-formed but hostile as a whole. */
const HOSTILE_BODIES = [
  'null',
  '[]',
  '"text"',
  '42',
  '{}',
  '[[[]]]',
  '{"a":',
  "{'single':'quotes'}",
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  deepJson(3_000),
  deepJson(64),
  toJson(manyKeys(5_000)),
  '\u0000',
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
];

function bodyArbitrary(schema: Schema, pools: IdPools): fc.Arbitrary<string> {
  const valid = validValue(schema, '', pools);
  const mutated = valid.chain((value) => {
    const paths = pathsOf(value, schema);
    if (paths.length === 0) return hostileValue.map(toJson);
    return fc.tuple(fc.constantFrom(...paths), hostileValue).map(([path, hostile]) => toJson(setAt(value, path, hostile)));
  });
  const allNull = valid.map((value) =>
    toJson(value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.keys({ ...schema.properties, ...value }).map((key) => [key, null])) : null),
  );
  const unknownKeys = fc
    .tuple(valid, fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), hostileValue, { minKeys: 1, maxKeys: 4 }))
    .map(([value, extra]) => toJson(value && typeof value === 'object' && !Array.isArray(value) ? { ...extra, ...value } : extra));
  return fc.oneof(
    { weight: 3, arbitrary: valid.map(toJson) },
    { weight: 5, arbitrary: mutated },
    { weight: 1, arbitrary: allNull },
    { weight: 1, arbitrary: unknownKeys },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_BODIES) },
  );
}

function encodeValue(value: unknown): string {
  return encodeURIComponent(value instanceof RawNumber ? value.text : typeof value === 'string' ? value : toJson(value));
}

function urlValue(parameter: Parameter, pools: IdPools): fc.Arbitrary<string> {
  const valid =
    parameter.schema.format === 'uuid' || /id$/i.test(parameter.name)
      ? idArbitrary(parameter.name, pools)
      : validValue(parameter.schema, parameter.name, pools).map(encodeValue);
  return fc.oneof({ weight: 4, arbitrary: valid }, { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_URL_VALUES) });
}

function queryArbitrary(parameters: Parameter[], pools: IdPools): fc.Arbitrary<string> {
  const pairs = parameters.map((parameter) =>
    fc.option(
      urlValue(parameter, pools).map((value) => `${encodeURIComponent(parameter.name)}=${value}`),
      { freq: 2 },
    ),
  );
  const repeated = parameters.length
    ? fc.option(
        fc.tuple(fc.constantFrom(...parameters), fc.constantFrom(...HOSTILE_URL_VALUES)).map(([parameter, value]) => `${encodeURIComponent(parameter.name)}=${value}`),
        { freq: 3 },
      )
    : fc.constant(null);
  const unknown = fc.option(fc.constantFrom('junk=1', 'page[size]=5', 'size=1&size=2', '%00=1', '=', '&&'), { freq: 5 });
  return fc.tuple(fc.tuple(...pairs), repeated, unknown).map(([values, extra, other]) => {
    const parts = [...values, extra, other].filter((part): part is string => part !== null);
    return parts.length ? `?${parts.join('&')}` : '';
  });
}

/** `{id}` after `/units` names a unit id; other path parameters name themselves. */
function idKindName(path: string, name: string): string {
  if (name !== 'id') return name;
  const segment = /\/([^/{}]+)\/\{id\}/.exec(path)?.[1] ?? '';
  return `${segment.replace(/ies$/, 'y').replace(/s$/, '')}Id`;
}

/** Every kind of request to one operation: well-formed and malformed path ids, queries, headers and bodies. */
export function requestArbitrary(operation: Operation, pools: IdPools, baseHeaders: Record<string, string>): fc.Arbitrary<FuzzRequest> {
  const pathValues = operation.pathParams.map((parameter) => urlValue({ ...parameter, name: idKindName(operation.path, parameter.name) }, pools));
  const idempotencyKey = fc.option(fc.oneof(fc.uuid(), fc.constantFrom('', 'k'.repeat(600), '%00')), { freq: 2 });
  const body = operation.body ? fc.option(bodyArbitrary(operation.body.schema, pools), { freq: 12 }) : fc.constant(null);
  return fc
    .record({ path: fc.tuple(...pathValues), query: queryArbitrary(operation.queryParams, pools), key: idempotencyKey, body })
    .map(({ path, query, key, body: text }) => {
      let index = 0;
      const headers: Record<string, string> = { ...baseHeaders };
      if (text !== null) headers['content-type'] = 'application/json';
      if (key !== null && operation.headerParams.some((parameter) => parameter.name.toLowerCase() === 'idempotency-key')) headers['idempotency-key'] = key;
      return {
        method: operation.method,
        path: operation.path.replace(/\{[^}]+\}/g, () => path[index++]) + query,
        headers,
        body: text ?? undefined,
      };
    });
}
