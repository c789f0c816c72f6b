import { headers as natsHeaders } from 'nats';
import { RpcException } from '@nestjs/microservices';
import { Caller, CallerHeader } from '@quartier/contracts-shared';
import { assertWithinDeadline, callDeadline, isPastDeadline, parseDeadline, readDeadline, remainingMs, writeDeadline } from './deadline';

const NOW = 1_800_000_000_000;

describe('callDeadline', () => {
  it('is now plus the timeout for a call that serves no deadline of its own', () => {
    expect(callDeadline(NOW, 5000)).toBe(NOW + 5000);
  });

  it('keeps the remaining budget of the request being served when that is shorter', () => {
    expect(callDeadline(NOW, 5000, NOW + 1200)).toBe(NOW + 1200);
  });

  it('never extends a budget: a longer inherited deadline leaves the call its own timeout', () => {
    expect(callDeadline(NOW, 5000, NOW + 60_000)).toBe(NOW + 5000);
  });
});

describe('isPastDeadline and remainingMs', () => {
  it('counts the deadline instant itself as passed', () => {
    expect(isPastDeadline(NOW, NOW)).toBe(true);
    expect(isPastDeadline(NOW + 1, NOW)).toBe(false);
    expect(remainingMs(NOW + 250, NOW)).toBe(250);
    expect(remainingMs(NOW - 10, NOW)).toBe(-10);
  });

  it('treats a call without deadline as always awaited', () => {
    expect(isPastDeadline(undefined, NOW)).toBe(false);
    expect(remainingMs(undefined, NOW)).toBe(Infinity);
  });
});

describe('the deadline header', () => {
  it('round-trips epoch milliseconds', () => {
    const headers = natsHeaders();
    writeDeadline(headers, NOW + 5000);
    expect(headers.get(CallerHeader.DEADLINE)).toBe(String(NOW + 5000));
    expect(readDeadline(headers)).toBe(NOW + 5000);
  });

  it.each(['', 'soon', '-5', '1.5e12', 'Infinity', '9'.repeat(16)])('ignores %p rather than inventing a deadline', (value) => {
    expect(parseDeadline(value)).toBeUndefined();
  });

  it('reads nothing from a request without headers', () => {
    expect(readDeadline(undefined)).toBeUndefined();
  });
});

describe('assertWithinDeadline', () => {
  const caller: Caller = { requestId: 'r-1', roles: [], scopes: [] };

  it('lets work go on while the caller waits', () => {
    expect(() => assertWithinDeadline({ ...caller, deadline: NOW + 1 }, NOW)).not.toThrow();
    expect(() => assertWithinDeadline(caller, NOW)).not.toThrow();
  });

  it('stops work the caller gave up on with a 504-coded error', () => {
    let thrown: unknown;
    try {
      assertWithinDeadline({ ...caller, deadline: NOW - 1 }, NOW);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RpcException);
    expect((thrown as RpcException).getError()).toMatchObject({ status: 504, code: 'UPSTREAM_TIMEOUT' });
  });
});
