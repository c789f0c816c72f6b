import { ADMIN_ROLES, Principal, isAllowed, isResidentOnly } from '@quartier/auth';
import { AUDIT_RECORDED_EVENT, CallerRole, DomainEvent } from '@quartier/contracts-shared';

/** WebSocket close codes of the real-time API (4000–4999 are free for applications). */
export const CloseCode = {
  NORMAL: 1000,
  GOING_AWAY: 1001,
  INVALID_MESSAGE: 4400,
  UNAUTHENTICATED: 4401,
  FORBIDDEN: 4403,
  UNAVAILABLE: 4503,
} as const;

export const MAX_SUBSCRIBED_TYPES = 50;
const MAX_PATTERN_LENGTH = 200;
const TOKEN = /^[A-Za-z0-9_-]+$/;
const CLIENT_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** What a client may send. */
export type ClientMessage =
  | { type: 'auth'; token: string }
  | { type: 'subscribe'; types: string[] }
  | { type: 'ping' };

export type ParsedClientMessage = { ok: true; message: ClientMessage } | { ok: false; error: string };

/** Event type patterns as NATS subjects: `*` matches one token, a final `>` one or more. */
export function isValidTypePattern(pattern: string): boolean {
  if (pattern.length === 0 || pattern.length > MAX_PATTERN_LENGTH) return false;
  const tokens = pattern.split('.');
  return tokens.every((token, index) => TOKEN.test(token) || token === '*' || (token === '>' && index === tokens.length - 1));
}

export function matchesTypePattern(pattern: string, type: string): boolean {
  const wanted = pattern.split('.');
  const actual = type.split('.');
  for (let index = 0; index < wanted.length; index++) {
    if (wanted[index] === '>') return actual.length > index;
    if (index >= actual.length) return false;
    if (wanted[index] !== '*' && wanted[index] !== actual[index]) return false;
  }
  return wanted.length === actual.length;
}

export function isValidClientId(clientId: string): boolean {
  return CLIENT_ID.test(clientId);
}

export function parseClientMessage(raw: string): ParsedClientMessage {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, error: 'Messages must be JSON objects' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, error: 'Messages must be JSON objects' };
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'auth':
      return typeof message.token === 'string' && message.token.length > 0
        ? { ok: true, message: { type: 'auth', token: message.token } }
        : { ok: false, error: 'auth needs a token' };
    case 'subscribe': {
      const types = message.types;
      if (!Array.isArray(types) || types.length === 0 || types.length > MAX_SUBSCRIBED_TYPES) {
        return { ok: false, error: `subscribe needs types: 1 to ${MAX_SUBSCRIBED_TYPES} event type patterns` };
      }
      const invalid = types.filter((type) => typeof type !== 'string' || !isValidTypePattern(type));
      if (invalid.length > 0) return { ok: false, error: `Invalid event type patterns: ${invalid.map((type) => JSON.stringify(type)).join(', ')}` };
      return { ok: true, message: { type: 'subscribe', types: [...new Set(types as string[])] } };
    }
    case 'ping':
      return { ok: true, message: { type: 'ping' } };
    default:
      return { ok: false, error: 'Unknown message type; expected auth, subscribe or ping' };
  }
}

/** Why a principal may not open a real-time connection, or undefined when it may. */
export function refusalOf(principal: Principal): string | undefined {
  // Residents would need per-event payload checks to see only their own leases; they get none.
  if (isResidentOnly(principal.roles)) {
    return 'Residents do not receive real-time events';
  }
  if (!isAllowed(principal, { scopes: ['read'] })) return 'Your role does not allow reading events';
  return undefined;
}

export interface Audience {
  organizationId: string;
  roles: readonly CallerRole[];
  /** Undefined: every event type the connection may see. */
  types?: readonly string[];
}

/** The only place deciding who receives an event: same organization, audit events for admins only, the client's filter. */
export function shouldDeliver(audience: Audience, event: Pick<DomainEvent, 'type' | 'organizationId'>): boolean {
  if (event.organizationId !== audience.organizationId) return false;
  if (event.type === AUDIT_RECORDED_EVENT && !ADMIN_ROLES.some((role) => audience.roles.includes(role))) return false;
  return audience.types === undefined || audience.types.some((pattern) => matchesTypePattern(pattern, event.type));
}

/** Decodes a JetStream message body; anything not shaped like a DomainEvent is ignored. */
export function decodeDomainEvent(data: Uint8Array): DomainEvent | undefined {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(data));
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const event = value as Partial<DomainEvent>;
  if (typeof event.id !== 'string' || typeof event.type !== 'string' || typeof event.organizationId !== 'string' || event.organizationId === '') {
    return undefined;
  }
  return { id: event.id, type: event.type, organizationId: event.organizationId, occurredAt: String(event.occurredAt ?? ''), payload: event.payload };
}
