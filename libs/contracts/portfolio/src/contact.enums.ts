/** Value lists of the CRM (contacts, activities, lead scores). */
export const CONTACT_TYPES = ['person', 'company'] as const;
export type ContactType = (typeof CONTACT_TYPES)[number];

/** What a contact is to the agency; a contact may be several (an owner who also invests). */
export const CONTACT_KINDS = [
  'prospect_buyer',
  'prospect_tenant',
  'owner',
  'landlord',
  'seller',
  'investor',
  'tenant',
  'partner',
  'service_provider',
  'other',
] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** Where the lead came from. */
export const CONTACT_SOURCES = ['portal', 'website', 'referral', 'walk_in', 'phone', 'email', 'social_media', 'event', 'advertising', 'other'] as const;
export type ContactSource = (typeof CONTACT_SOURCES)[number];

/** The sales pipeline, in order; `won` and `lost` close it. */
export const CONTACT_STATUSES = ['new', 'contacted', 'qualified', 'viewing', 'negotiating', 'won', 'lost'] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];

export const SEARCH_PURPOSES = ['buy', 'rent'] as const;
export type SearchPurpose = (typeof SEARCH_PURPOSES)[number];

export const LEAD_GRADES = ['A', 'B', 'C', 'D'] as const;
export type LeadGrade = (typeof LEAD_GRADES)[number];

export const LEAD_SCORE_FACTORS = ['profile', 'budget_fit', 'engagement', 'recency', 'status', 'consent'] as const;
export type LeadScoreFactor = (typeof LEAD_SCORE_FACTORS)[number];

export const CONTACT_ACTIVITY_TYPES = ['call', 'email', 'meeting', 'viewing', 'note', 'offer'] as const;
export type ContactActivityType = (typeof CONTACT_ACTIVITY_TYPES)[number];
