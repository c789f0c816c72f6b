import { scopesForRoles } from '@quartier/auth';
import { Role } from '@quartier/contracts-shared';
import { decodeDomainEvent, isValidTypePattern, matchesTypePattern, parseClientMessage, refusalOf, shouldDeliver } from './realtime-protocol';

function principal(roles: Role[]) {
  return { userId: 'u', organizationId: 'o', roles, scopes: scopesForRoles(roles), via: 'jwt' as const };
}

describe('event type patterns', () => {
  it('matches `*` to one token and a final `>` to the rest', () => {
    expect(matchesTypePattern('leasing.lease.*', 'leasing.lease.activated')).toBe(true);
    expect(matchesTypePattern('leasing.lease.*', 'leasing.lease')).toBe(false);
    expect(matchesTypePattern('leasing.lease.*', 'leasing.lease.activated.late')).toBe(false);
    expect(matchesTypePattern('leasing.>', 'leasing.payment.received')).toBe(true);
    expect(matchesTypePattern('leasing.>', 'leasing')).toBe(false);
    expect(matchesTypePattern('*.alert.raised', 'iot.alert.raised')).toBe(true);
    expect(matchesTypePattern('iot.alert.raised', 'iot.alert.resolved')).toBe(false);
    expect(matchesTypePattern('>', 'gateway.audit.recorded')).toBe(true);
  });

  it('rejects empty tokens, `>` before the end and other characters', () => {
    expect(['leasing.lease.*', '>', 'iot.>', 'portfolio.unit.status-changed'].every(isValidTypePattern)).toBe(true);
    expect(['', 'leasing..lease', 'a.>.b', 'lease s', 'a.b*', '.a'].some(isValidTypePattern)).toBe(false);
  });
});

describe('client messages', () => {
  it('parses auth, subscribe (deduplicated) and ping', () => {
    expect(parseClientMessage('{"type":"auth","token":"t"}')).toEqual({ ok: true, message: { type: 'auth', token: 't' } });
    expect(parseClientMessage('{"type":"subscribe","types":["iot.>","iot.>"]}')).toEqual({ ok: true, message: { type: 'subscribe', types: ['iot.>'] } });
    expect(parseClientMessage('{"type":"ping"}')).toEqual({ ok: true, message: { type: 'ping' } });
  });

  it('explains what is wrong with anything else', () => {
    expect(parseClientMessage('nope')).toEqual({ ok: false, error: 'Messages must be JSON objects' });
    expect(parseClientMessage('[1]')).toMatchObject({ ok: false });
    expect(parseClientMessage('{"type":"auth"}')).toEqual({ ok: false, error: 'auth needs a token' });
    expect(parseClientMessage('{"type":"subscribe","types":[]}')).toMatchObject({ ok: false });
    expect(parseClientMessage('{"type":"subscribe","types":["a..b", 3]}')).toEqual({ ok: false, error: 'Invalid event type patterns: "a..b", 3' });
    expect(parseClientMessage('{"type":"delete"}')).toMatchObject({ ok: false });
  });
});

describe('who receives what', () => {
  const event = { type: 'leasing.lease.activated', organizationId: 'o' };

  it("never delivers another organization's event", () => {
    expect(shouldDeliver({ organizationId: 'o', roles: ['owner'] }, event)).toBe(true);
    expect(shouldDeliver({ organizationId: 'x', roles: ['owner'], types: ['>'] }, event)).toBe(false);
  });

  it('keeps audit events for owners and admins, whatever the filter', () => {
    const audit = { type: 'gateway.audit.recorded', organizationId: 'o' };
    expect(shouldDeliver({ organizationId: 'o', roles: ['admin'] }, audit)).toBe(true);
    expect(shouldDeliver({ organizationId: 'o', roles: ['manager'], types: ['>'] }, audit)).toBe(false);
  });

  it('applies the subscribed patterns', () => {
    expect(shouldDeliver({ organizationId: 'o', roles: ['viewer'], types: ['iot.>'] }, event)).toBe(false);
    expect(shouldDeliver({ organizationId: 'o', roles: ['viewer'], types: ['iot.>', 'leasing.lease.*'] }, event)).toBe(true);
  });

  it('refuses residents but not staff', () => {
    expect(refusalOf(principal(['resident']))).toBe('Residents do not receive real-time events');
    expect(refusalOf(principal(['viewer']))).toBeUndefined();
    expect(refusalOf({ ...principal(['viewer']), scopes: [] })).toBe('Your role does not allow reading events');
  });
});

describe('decodeDomainEvent', () => {
  const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

  it('keeps only the envelope fields and ignores malformed messages', () => {
    const event = { id: 'e', type: 't.x.y', organizationId: 'o', occurredAt: '2026-01-01T00:00:00.000Z', payload: { a: 1 }, secret: 'no' };
    expect(decodeDomainEvent(encode(event))).toEqual({ id: 'e', type: 't.x.y', organizationId: 'o', occurredAt: event.occurredAt, payload: { a: 1 } });
    expect(decodeDomainEvent(encode({ id: 'e', type: 't' }))).toBeUndefined();
    expect(decodeDomainEvent(new TextEncoder().encode('{'))).toBeUndefined();
  });
});
