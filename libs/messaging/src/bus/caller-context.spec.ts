import { headers as natsHeaders } from 'nats';
import { Caller, CallerHeader } from '@quartier/contracts-shared';
import { generateBusKeys, parseTrustedKeys, formatTrustedKeys } from './bus-keys';
import { CallerContextSigner, CallerContextVerifier, UnprovenCallerError } from './caller-context';

const keys = generateBusKeys();
const trusted = parseTrustedKeys(formatTrustedKeys(keys));
const caller: Caller = { requestId: 'r-1', organizationId: 'org-1', userId: 'user-1', roles: ['manager'], scopes: ['read', 'write'] };

function headersWith(token: string, requestId = caller.requestId) {
  const result = natsHeaders();
  result.set(CallerHeader.REQUEST_ID, requestId);
  result.set(CallerHeader.CONTEXT, token);
  return result;
}

describe('caller contexts', () => {
  const gateway = new CallerContextSigner('gateway', keys.gateway.seed, 1000);

  it('proves the caller the gateway signed for the service', () => {
    const proven = new CallerContextVerifier('portfolio', trusted).verify(headersWith(gateway.sign(caller, 'portfolio')));
    expect(proven).toEqual({ ...caller, traceparent: undefined });
  });

  it('accepts a service that may call the callee and refuses one that may not', () => {
    const leasing = new CallerContextSigner('leasing', keys.leasing.seed, 1000);
    expect(new CallerContextVerifier('portfolio', trusted).verify(headersWith(leasing.sign(caller, 'portfolio'))).userId).toBe('user-1');
    expect(() => new CallerContextVerifier('identity', trusted).verify(headersWith(leasing.sign(caller, 'identity')))).toThrow(UnprovenCallerError);
  });

  it('drops roles and scopes it does not know instead of trusting them', () => {
    const token = gateway.sign({ ...caller, roles: ['manager', 'superuser' as 'owner'] }, 'portfolio');
    expect(new CallerContextVerifier('portfolio', trusted).verify(headersWith(token)).roles).toEqual(['manager']);
  });

  it('refuses an expired context and one of another request', () => {
    const verifier = new CallerContextVerifier('portfolio', trusted);
    expect(() => verifier.verify(headersWith(gateway.sign(caller, 'portfolio', Date.now() - 2000)))).toThrow('expired');
    expect(() => verifier.verify(headersWith(gateway.sign(caller, 'portfolio'), 'r-2'))).toThrow('another request');
    expect(() => verifier.verify(headersWith('garbage'))).toThrow('malformed');
  });
});
