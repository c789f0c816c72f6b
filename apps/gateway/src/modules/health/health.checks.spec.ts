import { RpcError } from '@quartier/messaging';
import { healthReport, isAnswer } from './health.checks';

describe('health checks', () => {
  it('counts any reply of a service as up, but not silence or no responders', () => {
    expect(isAnswer(new RpcError({ status: 401, code: 'UNAUTHENTICATED', message: 'x' }))).toBe(true);
    expect(isAnswer(new RpcError({ status: 503, code: 'SERVICE_UNAVAILABLE', message: 'x' }))).toBe(false);
    expect(isAnswer(new RpcError({ status: 504, code: 'UPSTREAM_TIMEOUT', message: 'x' }))).toBe(false);
    expect(isAnswer(new Error('socket closed'))).toBe(false);
  });

  it('is ok when everything is up, degraded when only a domain service is down, down when a critical one is', () => {
    const critical = ['nats', 'identity'];
    expect(healthReport({ nats: 'up', identity: 'up', iot: 'up' }, critical).status).toBe('ok');
    expect(healthReport({ nats: 'up', identity: 'up', iot: 'down' }, critical).status).toBe('degraded');
    expect(healthReport({ nats: 'up', identity: 'down', iot: 'down' }, critical)).toEqual({
      status: 'down',
      checks: { nats: 'up', identity: 'down', iot: 'down' },
    });
  });
});
