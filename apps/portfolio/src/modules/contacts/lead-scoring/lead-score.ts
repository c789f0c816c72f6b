import type { ContactStatus, LeadGrade, LeadScoreFactor, SearchProfileDto } from '@quartier/contracts-portfolio';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What the score is computed from; `now` is passed in so the rule is a pure function. */
export interface LeadFacts {
  status: ContactStatus;
  emailCount: number;
  phoneCount: number;
  searchProfile: SearchProfileDto | null;
  marketingConsent: boolean;
  lastContactedAt: Date | null;
  activity: ActivityCounts;
  /** Available listings of the organization that fit the search profile. */
  matchingListings: number;
  now: Date;
}

export interface ActivityCounts {
  /** Calls, emails, meetings, viewings and offers (not notes) in the last 30 days. */
  last30Days: number;
  /** The same, 31 to 90 days ago. */
  days31To90: number;
  viewings: number;
  offers: number;
}

export interface LeadScoreReason {
  factor: LeadScoreFactor;
  points: number;
  maxPoints: number;
  detail: string;
}

export interface LeadScore {
  score: number;
  grade: LeadGrade;
  reasons: LeadScoreReason[];
}

/** The weights add up to 100. */
export const MAX_POINTS: Readonly<Record<LeadScoreFactor, number>> = {
  profile: 20,
  budget_fit: 25,
  engagement: 25,
  recency: 10,
  status: 15,
  consent: 5,
};

/** How far along the pipeline the lead is; a won deal is a customer now, no longer a lead to chase. */
const STATUS_POINTS: Readonly<Record<ContactStatus, number>> = {
  new: 3,
  contacted: 6,
  qualified: 10,
  viewing: 12,
  negotiating: 15,
  won: 0,
  lost: 0,
};

export function gradeFor(score: number): LeadGrade {
  if (score >= 75) return 'A';
  if (score >= 50) return 'B';
  if (score >= 25) return 'C';
  return 'D';
}

/**
 * How promising a lead is, 0–100, with the points of each factor so an agent sees why.
 * A lost lead scores 0: nothing else about it matters any more.
 */
export function scoreLead(facts: LeadFacts): LeadScore {
  if (facts.status === 'lost') {
    return { score: 0, grade: 'D', reasons: [{ factor: 'status', points: 0, maxPoints: MAX_POINTS.status, detail: 'lost lead' }] };
  }
  const reasons = [profile(facts), budgetFit(facts), engagement(facts), recency(facts), status(facts), consent(facts)];
  const score = reasons.reduce((sum, reason) => sum + reason.points, 0);
  return { score, grade: gradeFor(score), reasons };
}

function reason(factor: LeadScoreFactor, points: number, detail: string): LeadScoreReason {
  return { factor, points: Math.min(points, MAX_POINTS[factor]), maxPoints: MAX_POINTS[factor], detail };
}

/** Can the agent reach the lead, and does the agent know what they want? */
function profile(facts: LeadFacts): LeadScoreReason {
  const search = facts.searchProfile;
  const parts: [boolean, number, string][] = [
    [facts.emailCount > 0, 4, 'email'],
    [facts.phoneCount > 0, 4, 'phone'],
    [search !== null, 3, 'search profile'],
    [search?.budgetMinCents !== undefined || search?.budgetMaxCents !== undefined, 3, 'budget'],
    [Boolean(search?.postalCodes?.length || search?.cities?.length), 3, 'location'],
    [[search?.roomsMin, search?.roomsMax, search?.areaMin, search?.areaMax].some((value) => value !== undefined), 3, 'size'],
  ];
  const present = parts.filter(([given]) => given);
  const missing = parts.filter(([given]) => !given).map(([, , name]) => name);
  const points = present.reduce((sum, [, value]) => sum + value, 0);
  return reason('profile', points, missing.length === 0 ? 'complete profile' : `missing: ${missing.join(', ')}`);
}

/** Can we offer them something now? More fitting listings, better chances. */
function budgetFit(facts: LeadFacts): LeadScoreReason {
  if (!facts.searchProfile) return reason('budget_fit', 0, 'no search profile to match');
  const count = facts.matchingListings;
  const points = count === 0 ? 0 : count === 1 ? 15 : count < 5 ? 20 : 25;
  const noun = count === 1 ? 'listing matches' : 'listings match';
  return reason('budget_fit', points, `${count} available ${noun} the search profile`);
}

function engagement(facts: LeadFacts): LeadScoreReason {
  const { last30Days, days31To90, viewings, offers } = facts.activity;
  const points = Math.min(last30Days * 3, 12) + Math.min(days31To90, 4) + (viewings > 0 ? 5 : 0) + (offers > 0 ? 8 : 0);
  const parts = [`${last30Days} in the last 30 days`, `${days31To90} in the 60 days before`];
  if (viewings > 0) parts.push(`${viewings} viewing${viewings === 1 ? '' : 's'}`);
  if (offers > 0) parts.push(`${offers} offer${offers === 1 ? '' : 's'}`);
  return reason('engagement', points, `activities: ${parts.join(', ')}`);
}

function recency(facts: LeadFacts): LeadScoreReason {
  if (!facts.lastContactedAt) return reason('recency', 0, 'never contacted');
  const days = Math.max(0, Math.floor((facts.now.getTime() - facts.lastContactedAt.getTime()) / DAY_MS));
  const points = days <= 7 ? 10 : days <= 30 ? 7 : days <= 90 ? 3 : 0;
  return reason('recency', points, `last contact ${days === 0 ? 'today' : `${days} day${days === 1 ? '' : 's'} ago`}`);
}

function status(facts: LeadFacts): LeadScoreReason {
  return reason('status', STATUS_POINTS[facts.status], facts.status === 'won' ? 'won: already a customer' : `status ${facts.status}`);
}

function consent(facts: LeadFacts): LeadScoreReason {
  return facts.marketingConsent ? reason('consent', 5, 'marketing consent given') : reason('consent', 0, 'no marketing consent');
}
