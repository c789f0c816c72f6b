import { FastifyInstance, FastifyRequest } from 'fastify';
import { CommonErrorCode, FieldError } from '@quartier/contracts-shared';
import { capFieldErrors } from '@quartier/messaging';
import { ProblemException } from './problem';

/**
 * Anything outside the XML 1.0 character set (tab, line feed and carriage return are the only
 * controls it has). With the `u` flag a lone surrogate is a code point of its own and matches too.
 */
const OUTSIDE_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function codePointName(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Why a text may not be stored, or undefined. One rule for all text: what XML 1.0 cannot carry is
 * refused, so no value can later break an OpenImmo feed, a CSV export or a PDF, and Postgres never
 * sees a NUL (which it rejects) or a lone surrogate (which is not UTF-8).
 */
export function unsafeTextReason(text: string): string | undefined {
  const found = OUTSIDE_XML_CHARS.exec(text);
  if (!found) return undefined;
  const codePoint = found[0].codePointAt(0) ?? 0;
  if (codePoint === 0) return 'contains a NUL character';
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return `contains a lone UTF-16 surrogate (${codePointName(codePoint)})`;
  return `contains ${codePointName(codePoint)}, a character XML 1.0 does not allow`;
}

/** Only what JSON, a query string or path parameters produce is walked: no buffers or streams. */
function isPlainContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  if (Array.isArray(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** A field name fit for an error list even when the name itself is the problem. */
function printableField(field: string): string {
  return field.replace(new RegExp(OUTSIDE_XML_CHARS.source, 'gu'), '\uFFFD');
}

/**
 * Every string (keys included) and number anywhere in `input`, walked without recursion: texts
 * must pass unsafeTextReason, numbers must be finite (a JSON `1e999` parses to Infinity). Fields
 * are named as validation names them (`address.street`, `lines.0.text`). The JSON limits bound
 * the walk.
 */
export function findUnsafeInput(input: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const pending: { value: unknown; field: string }[] = [{ value: input, field: '' }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, field } = next;
    if (typeof value === 'string') {
      const reason = unsafeTextReason(value);
      if (reason) errors.push({ field: printableField(field), message: `${printableField(field)} ${reason}` });
    } else if (typeof value === 'number') {
      if (!Number.isFinite(value)) errors.push({ field: printableField(field), message: `${printableField(field)} must be a finite number` });
    } else if (isPlainContainer(value)) {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i -= 1) {
        const [key, child] = entries[i];
        const childField = field ? `${field}.${key}` : key;
        const keyReason = unsafeTextReason(key);
        if (keyReason) errors.push({ field: printableField(childField), message: `the name of ${printableField(childField)} ${keyReason}` });
        else pending.push({ value: child, field: childField });
      }
    }
  }
  return errors;
}

/** The 422 naming every unsafe field of `inputs` (each walked from its root), or undefined. */
export function unsafeInputProblem(...inputs: unknown[]): ProblemException | undefined {
  const errors = inputs.flatMap((input) => findUnsafeInput(input));
  if (errors.length === 0) return undefined;
  return new ProblemException(422, CommonErrorCode.VALIDATION_FAILED, 'The request contains text or numbers that cannot be stored', capFieldErrors(errors));
}

/**
 * Path parameters, query and body of every route, after parsing and before validation: a 422 that
 * names each field, and nothing reaches a service. Multipart fields are read by their handlers,
 * which ask unsafeInputProblem themselves.
 */
export function installInputGuard(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', async (request: FastifyRequest) => {
    const problem = unsafeInputProblem(request.params, request.query, request.body);
    if (problem) throw problem;
  });
}
