import type { ContactStatus, LeadGrade } from './contact.enums';

/** CRM events published by portfolio (outbox → JetStream `<prefix>.events.<type>`). */
export const ContactEvent = {
  CREATED: 'portfolio.contact.created',
  UPDATED: 'portfolio.contact.updated',
  DELETED: 'portfolio.contact.deleted',
  /** Only when the grade changes, not on every point. */
  SCORE_CHANGED: 'portfolio.contact.score-changed',
} as const;
export type ContactEventType = (typeof ContactEvent)[keyof typeof ContactEvent];

/** Payload of created and updated: no personal data (names, emails) leaves the service in events. */
export interface ContactChangedPayload {
  contactId: string;
  status: ContactStatus;
  ownerId: string | null;
  leadScore: number;
  leadGrade: LeadGrade;
}

export interface ContactDeletedPayload {
  contactId: string;
}

export interface ContactScoreChangedPayload {
  contactId: string;
  ownerId: string | null;
  fromScore: number;
  toScore: number;
  fromGrade: LeadGrade;
  toGrade: LeadGrade;
}
