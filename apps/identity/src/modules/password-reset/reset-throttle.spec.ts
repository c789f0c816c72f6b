import { decideReset } from './reset-throttle';

const policy = { perEmail: 3, perIp: 5, windowMs: 3_600_000 };
const now = new Date('2026-12-05T10:00:00Z');
const minutesAgo = (minutes: number): Date => new Date(now.getTime() - minutes * 60_000);

describe('password-reset throttling', () => {
  it('sends while an email and an address are under their hourly limits', () => {
    expect(decideReset({ forEmail: [minutesAgo(30), minutesAgo(10)], forIp: [minutesAgo(10)] }, policy, now)).toEqual({ kind: 'send' });
  });

  it('stays quiet (same answer, no mail) once one email had its mails this hour', () => {
    expect(decideReset({ forEmail: [minutesAgo(50), minutesAgo(30), minutesAgo(10)], forIp: [] }, policy, now)).toEqual({ kind: 'quiet' });
  });

  it('refuses an address over its limit until its oldest counted request leaves the window', () => {
    const forIp = [minutesAgo(50), minutesAgo(40), minutesAgo(30), minutesAgo(20), minutesAgo(10)];
    expect(decideReset({ forEmail: [], forIp }, policy, now)).toEqual({ kind: 'refuse', retryAfterSeconds: 600 });
    expect(decideReset({ forEmail: [], forIp: [minutesAgo(59.99), ...forIp.slice(1)] }, policy, now)).toEqual({ kind: 'refuse', retryAfterSeconds: 1 });
  });
});
