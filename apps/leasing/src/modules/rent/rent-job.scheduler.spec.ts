import { LeaseService } from '../leases/lease.service';
import { Today } from '../shared/today';
import { RentJobScheduler } from './rent-job.scheduler';
import { RentService } from './rent.service';

describe('rent job scheduler', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function scheduler(intervalMs: number) {
    const calls: string[] = [];
    const leases = { runLifecycle: async (asOf: string) => calls.push(`lifecycle ${asOf}`) } as unknown as LeaseService;
    const rent = { run: async (asOf: string) => (calls.push(`rent ${asOf}`), { leases: 0, chargesCreated: 0, lateFeesCreated: 0 }) } as unknown as RentService;
    const today = { get: () => '2026-03-01' } as Today;
    return { calls, job: new RentJobScheduler(rent, leases, today, intervalMs) };
  }

  it('runs the lifecycle, then the rent schedule, soon after boot and on every interval', async () => {
    const { calls, job } = scheduler(60_000);
    job.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(5_000);
    expect(calls).toEqual(['lifecycle 2026-03-01', 'rent 2026-03-01']);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(4);
    await job.onApplicationShutdown();
  });

  it('stays off with an interval of 0', async () => {
    const { calls, job } = scheduler(0);
    job.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(120_000);
    expect(calls).toEqual([]);
  });
});
