import { secondsUntilNextWindow, windowStart } from './request-window';

describe('request windows', () => {
  it('puts every moment of a minute into the same window', () => {
    const start = windowStart(new Date('2026-12-06T10:15:00.000Z'), 60_000);
    expect(windowStart(new Date('2026-12-06T10:15:59.999Z'), 60_000)).toEqual(start);
    expect(windowStart(new Date('2026-12-06T10:16:00.000Z'), 60_000)).not.toEqual(start);
  });

  it('tells how long until the next window, at least one second', () => {
    expect(secondsUntilNextWindow(new Date('2026-12-06T10:15:20.000Z'), 60_000)).toBe(40);
    expect(secondsUntilNextWindow(new Date('2026-12-06T10:15:59.900Z'), 60_000)).toBe(1);
  });
});
