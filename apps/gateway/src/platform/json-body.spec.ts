import { ProblemException } from './problem';
import { JSON_LIMITS, parseJsonBody, scanJsonShape } from './json-body';

const limits = { maxDepth: 3, maxKeys: 5, maxObjectKeys: 3 };

function problemOf(run: () => unknown): { status: number; code: string; detail: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof ProblemException) return { status: error.statusCode, code: error.code, detail: error.message };
    throw error;
  }
  throw new Error('expected a problem');
}

describe('scanJsonShape', () => {
  it('accepts a body within every limit', () => {
    expect(scanJsonShape('{"a":{"b":[1,2]},"d":3}', limits)).toBeUndefined();
  });

  it('counts nesting of objects and arrays', () => {
    expect(scanJsonShape('[[[1]]]', limits)).toBeUndefined();
    expect(scanJsonShape('[[[[1]]]]', limits)).toEqual({ limit: 'depth', max: 3 });
    expect(scanJsonShape('{"a":{"b":{"c":{}}}}', limits)).toEqual({ limit: 'depth', max: 3 });
  });

  it('counts members of all objects and of each object', () => {
    expect(scanJsonShape('[{"a":1,"b":2},{"a":1,"b":2},{"a":1,"b":2}]', limits)).toEqual({ limit: 'keys', max: 5 });
    expect(scanJsonShape('{"a":1,"b":2,"c":3,"d":4}', limits)).toEqual({ limit: 'objectKeys', max: 3 });
    expect(scanJsonShape('{"a":{"x":1,"y":2},"b":2,"c":3}', limits)).toBeUndefined();
  });

  it('ignores brackets, colons and escaped quotes inside strings', () => {
    expect(scanJsonShape('{"a":"[[[[{:}:}:}:\\":[[[["}', limits)).toBeUndefined();
    expect(scanJsonShape('["\\\\",[[[1]]]]', limits)).toEqual({ limit: 'depth', max: 3 });
  });

  it('refuses 3,000 levels and 50,000 keys without recursing', () => {
    expect(scanJsonShape('['.repeat(3000) + ']'.repeat(3000))).toEqual({ limit: 'depth', max: JSON_LIMITS.maxDepth });
    const wide = JSON.stringify(Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, i])));
    expect(scanJsonShape(wide)).toEqual({ limit: 'objectKeys', max: JSON_LIMITS.maxObjectKeys });
    const spread = JSON.stringify(Array.from({ length: 500 }, () => Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, i]))));
    expect(scanJsonShape(spread)).toEqual({ limit: 'keys', max: JSON_LIMITS.maxKeys });
  });
});

describe('parseJsonBody', () => {
  it('parses what Fastify parsed, byte order mark included', () => {
    expect(parseJsonBody(Buffer.from('\uFEFF{"name":"Haus","n":[1,2]}'))).toEqual({ name: 'Haus', n: [1, 2] });
    expect(parseJsonBody(Buffer.from('"text"'))).toBe('text');
  });

  it('answers 413 beyond a limit and 400 for malformed or empty bodies', () => {
    expect(problemOf(() => parseJsonBody(Buffer.from('['.repeat(3000) + ']'.repeat(3000))))).toEqual({
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      detail: 'The JSON body is nested deeper than 32 levels',
    });
    expect(problemOf(() => parseJsonBody(Buffer.from('{"a":')))).toEqual({ status: 400, code: 'BAD_REQUEST', detail: 'The request body is not valid JSON' });
    expect(problemOf(() => parseJsonBody(Buffer.alloc(0))).detail).toBe('The JSON body is empty');
  });

  it('refuses prototype poisoning, escaped or not, at any depth', () => {
    for (const body of ['{"__proto__":{"admin":true}}', '{"a":[{"\\u005f_proto__":{}}]}', '{"constructor":{"prototype":{"admin":true}}}']) {
      expect(problemOf(() => parseJsonBody(Buffer.from(body)))).toMatchObject({ status: 400, detail: expect.stringContaining('__proto__') });
    }
    expect(parseJsonBody(Buffer.from('{"constructor":"Bob"}'))).toEqual({ constructor: 'Bob' });
  });
});
