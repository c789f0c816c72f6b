import { afterFailure, backoffDelayMs } from './retry-policy';

const policy = { backoffMs: 1000, backoffMaxMs: 5000 };

describe('retry policy', () => {
  it('doubles the wait per attempt up to the cap', () => {
    expect([1, 2, 3, 4, 5].map((attempts) => backoffDelayMs(attempts, policy))).toEqual([1000, 2000, 4000, 5000, 5000]);
  });

  it('retries a temporary failure until the attempts are used up', () => {
    const outage = { message: 'HTTP 503', retryable: true };
    expect(afterFailure(1, 3, outage, policy)).toEqual({ retryInMs: 1000 });
    expect(afterFailure(2, 3, outage, policy)).toEqual({ retryInMs: 2000 });
    expect(afterFailure(3, 3, outage, policy)).toEqual({ fail: true });
  });

  it('fails at once when the portal refuses the content', () => {
    expect(afterFailure(1, 5, { message: 'ERROR_COMMON_REQUIRED_FIELD_MISSING', retryable: false }, policy)).toEqual({ fail: true });
  });
});
