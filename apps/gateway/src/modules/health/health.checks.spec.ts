import { RpcError } from '@quartier/messaging';
import { healthReport, isAnswer } from './health.checks';

describe('health checks', () => {
  it('counts any reply of a service as up, but not silence or no responders', () => {
    expect(isAnswer(new RpcError({ status: 401, code: 'UNAUTHENTICATED', message: 'x' }))).toBe(true);
    expect(isAnswer(new RpcError({ status: 503, code: 'SERVICE_UNAVAILABLE', message: 'x' }))).toBe(false);
    expect(isAnswer(new RpcError({ status: 504, code: 'UPSTREAM_TIMEOUT', message: 'x' }))).toBe(false);
    expect(isAnswer(new Error('socket closed'))).toBe(false);
  });

  it('is ok only when every dependency is up', () => {
    expect(healthReport({ nats: 'up', identity: 'up' }).status).toBe('ok');
    expect(healthReport({ nats: 'up', identity: 'down' })).toEqual({ status: 'down', checks: { nats: 'up', identity: 'down' } });
  });
});
