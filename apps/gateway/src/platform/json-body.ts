import { FastifyInstance, FastifyRequest } from 'fastify';
import { scan } from 'secure-json-parse';
import { CommonErrorCode } from '@quartier/contracts-shared';
import { ProblemException, codeForStatus } from './problem';

/** How large a JSON body may be beyond its byte count (the byte limit is Fastify's bodyLimit). */
export interface JsonLimits {
  /** Nesting of objects and arrays. */
  maxDepth: number;
  /** Members of all objects together. */
  maxKeys: number;
  /** Members of one object: no request class has more than 20, free-form maps stay small. */
  maxObjectKeys: number;
}

/** 20,000 members carry the largest bulk request (1,000 market sales of up to 19 members). */
export const JSON_LIMITS: JsonLimits = { maxDepth: 32, maxKeys: 20_000, maxObjectKeys: 100 };

export type JsonShapeViolation =
  | { limit: 'depth'; max: number }
  | { limit: 'keys'; max: number }
  | { limit: 'objectKeys'; max: number };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/**
 * One pass over the text before it is parsed: bracket depth and member counts (each member has
 * exactly one `:` outside strings). Nothing recurses and nothing is allocated per member, so 3,000
 * levels or 50,000 keys are refused in about the time it takes to read them. Malformed text is
 * left to the parser.
 */
export function scanJsonShape(text: string, limits: JsonLimits = JSON_LIMITS): JsonShapeViolation | undefined {
  const membersAt = new Int32Array(limits.maxDepth + 1);
  let depth = 0;
  let keys = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === BACKSLASH) i += 1;
      else if (char === QUOTE) inString = false;
      continue;
    }
    if (char === QUOTE) {
      inString = true;
    } else if (char === OPEN_BRACE || char === OPEN_BRACKET) {
      depth += 1;
      if (depth > limits.maxDepth) return { limit: 'depth', max: limits.maxDepth };
      membersAt[depth] = 0;
    } else if (char === CLOSE_BRACE || char === CLOSE_BRACKET) {
      depth = Math.max(0, depth - 1);
    } else if (char === COLON) {
      keys += 1;
      if (keys > limits.maxKeys) return { limit: 'keys', max: limits.maxKeys };
      membersAt[depth] += 1;
      if (membersAt[depth] > limits.maxObjectKeys) return { limit: 'objectKeys', max: limits.maxObjectKeys };
    }
  }
  return undefined;
}

const SHAPE_DETAIL: Record<JsonShapeViolation['limit'], (max: number) => string> = {
  depth: (max) => `The JSON body is nested deeper than ${max} levels`,
  keys: (max) => `The JSON body has more than ${max} members in all`,
  objectKeys: (max) => `An object of the JSON body has more than ${max} members`,
};

function badRequest(detail: string): ProblemException {
  return new ProblemException(400, codeForStatus(400), detail);
}

/**
 * The body as Fastify's own parser would give it (byte order mark ignored, `__proto__` and
 * `constructor.prototype` refused), after the shape check: 413 beyond a limit, 400 when malformed.
 */
export function parseJsonBody(bytes: Buffer, limits: JsonLimits = JSON_LIMITS): unknown {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (text.length === 0) throw badRequest('The JSON body is empty');
  const violation = scanJsonShape(text, limits);
  if (violation) throw new ProblemException(413, CommonErrorCode.PAYLOAD_TOO_LARGE, SHAPE_DETAIL[violation.limit](violation.max));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badRequest('The request body is not valid JSON');
  }
  if (typeof value === 'object' && value !== null && scan(value, { protoAction: 'error', constructorAction: 'error', safe: true }) === null) {
    throw badRequest('The JSON body may not contain __proto__ or constructor.prototype keys');
  }
  return value;
}

const rawBodies = new WeakMap<FastifyRequest['raw'], Buffer>();

/** The exact bytes of a JSON body, kept only for the routes that asked for them. */
export function rawJsonBody(request: FastifyRequest): Buffer | undefined {
  return rawBodies.get(request.raw);
}

export interface JsonBodyOptions {
  limits?: JsonLimits;
  /** Routes whose handler needs the bytes as sent (a signature over the raw body). */
  keepsRawBody(request: FastifyRequest): boolean;
}

/**
 * Replaces Fastify's JSON parser. Fastify still reads the body: it refuses a Content-Length over
 * the route's body limit before reading a byte and stops reading at the limit otherwise (413,
 * connection closed), raw-body routes included.
 */
export function installJsonBodyParser(fastify: FastifyInstance, options: JsonBodyOptions): void {
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request: FastifyRequest, body: Buffer, done) => {
    if (options.keepsRawBody(request)) rawBodies.set(request.raw, body);
    try {
      done(null, parseJsonBody(body, options.limits));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}
