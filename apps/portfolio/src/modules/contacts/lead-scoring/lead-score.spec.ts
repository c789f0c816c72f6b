import { LeadFacts, MAX_POINTS, gradeFor, scoreLead } from './lead-score';

const now = new Date('2026-12-01T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 60 * 60 * 1000);

const bare: LeadFacts = {
  status: 'new',
  emailCount: 0,
  phoneCount: 0,
  searchProfile: null,
  marketingConsent: false,
  lastContactedAt: null,
  activity: { last30Days: 0, days31To90: 0, viewings: 0, offers: 0 },
  matchingListings: 0,
  now,
};

const hot: LeadFacts = {
  status: 'negotiating',
  emailCount: 1,
  phoneCount: 1,
  searchProfile: { purpose: 'rent', budgetMaxCents: 120000, postalCodes: ['104'], roomsMin: 2 },
  marketingConsent: true,
  lastContactedAt: daysAgo(2),
  activity: { last30Days: 5, days31To90: 6, viewings: 2, offers: 1 },
  matchingListings: 7,
  now,
};

const points = (facts: LeadFacts, factor: string) => scoreLead(facts).reasons.find((r) => r.factor === factor)?.points;

describe('lead score', () => {
  it('weights add up to 100, and a lead that has everything scores 100 (A)', () => {
    expect(Object.values(MAX_POINTS).reduce((a, b) => a + b, 0)).toBe(100);
    expect(scoreLead(hot)).toMatchObject({ score: 100, grade: 'A' });
  });

  it('gives a bare new contact only its status points and says what is missing', () => {
    const score = scoreLead(bare);
    expect(score).toMatchObject({ score: 3, grade: 'D' });
    expect(score.reasons.find((r) => r.factor === 'profile')?.detail).toBe('missing: email, phone, search profile, budget, location, size');
    expect(score.reasons.find((r) => r.factor === 'budget_fit')?.detail).toBe('no search profile to match');
  });

  it('reasons always add up to the score and never exceed their maximum', () => {
    for (const facts of [bare, hot, { ...hot, activity: { last30Days: 50, days31To90: 50, viewings: 9, offers: 9 } }]) {
      const score = scoreLead(facts);
      expect(score.reasons.reduce((sum, r) => sum + r.points, 0)).toBe(score.score);
      for (const r of score.reasons) expect(r.points).toBeLessThanOrEqual(r.maxPoints);
    }
  });

  it('rewards more matching listings, but only with a search profile', () => {
    const profiled = { ...bare, searchProfile: { purpose: 'buy' as const } };
    expect([0, 1, 3, 5].map((n) => points({ ...profiled, matchingListings: n }, 'budget_fit'))).toEqual([0, 15, 20, 25]);
    expect(points({ ...bare, matchingListings: 5 }, 'budget_fit')).toBe(0);
  });

  it('counts recent activities more than older ones, and viewings and offers extra', () => {
    const engagement = (activity: LeadFacts['activity']) => points({ ...bare, activity }, 'engagement');
    expect(engagement({ last30Days: 2, days31To90: 0, viewings: 0, offers: 0 })).toBe(6);
    expect(engagement({ last30Days: 0, days31To90: 2, viewings: 0, offers: 0 })).toBe(2);
    expect(engagement({ last30Days: 1, days31To90: 0, viewings: 1, offers: 0 })).toBe(8);
    expect(engagement({ last30Days: 1, days31To90: 0, viewings: 1, offers: 1 })).toBe(16);
  });

  it('decays with the time since the last contact', () => {
    expect([0, 7, 8, 30, 31, 90, 91].map((days) => points({ ...bare, lastContactedAt: daysAgo(days) }, 'recency'))).toEqual([10, 10, 7, 7, 3, 3, 0]);
    expect(scoreLead({ ...bare, lastContactedAt: daysAgo(1) }).reasons.find((r) => r.factor === 'recency')?.detail).toBe('last contact 1 day ago');
  });

  it('ranks pipeline stages and gives a won customer no status points', () => {
    expect((['new', 'contacted', 'qualified', 'viewing', 'negotiating', 'won'] as const).map((status) => points({ ...bare, status }, 'status'))).toEqual([
      3, 6, 10, 12, 15, 0,
    ]);
  });

  it('scores a lost lead 0, whatever else it has', () => {
    expect(scoreLead({ ...hot, status: 'lost' })).toEqual({
      score: 0,
      grade: 'D',
      reasons: [{ factor: 'status', points: 0, maxPoints: 15, detail: 'lost lead' }],
    });
  });

  it('counts marketing consent', () => {
    expect(points({ ...bare, marketingConsent: true }, 'consent')).toBe(5);
    expect(points(bare, 'consent')).toBe(0);
  });

  it('grades A from 75, B from 50, C from 25, D below', () => {
    expect([100, 75, 74, 50, 49, 25, 24, 0].map(gradeFor)).toEqual(['A', 'A', 'B', 'B', 'C', 'C', 'D', 'D']);
  });
});
