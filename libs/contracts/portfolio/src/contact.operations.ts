import { CommonErrorCode, Role, defineOperation } from '@quartier/contracts-shared';
import { DeletedResponse, IdDto } from './common.dto';
import {
  ContactActivitiesMessageDto,
  ContactActivityPageResponse,
  ContactActivityResponse,
  CreateContactActivityMessageDto,
  DeleteContactActivityMessageDto,
} from './contact-activity.dto';
import { ContactMatchPageResponse, ContactMatchesMessageDto, LeadPageResponse, LeadQueryDto, LeadScoreResponse } from './contact-score.dto';
import { ContactPageResponse, ContactQueryDto, ContactResponse, CreateContactDto, ReplaceContactMessageDto, UpdateContactMessageDto } from './contact.dto';
import { ContactErrorCode } from './contact.errors';

const service = 'portfolio';
const tags = ['contacts'] as const;

/** The CRM is the agency's own: every staff role may use it (as its scopes allow), residents may not. */
export const CRM_ROLES: readonly Role[] = ['owner', 'admin', 'manager', 'agent', 'viewer'];
const READ = { scopes: ['read'], roles: CRM_ROLES } as const;
const WRITE = { scopes: ['write'], roles: CRM_ROLES } as const;
const DELETE = { scopes: ['delete'], roles: CRM_ROLES } as const;

const NOT_FOUND = { [CommonErrorCode.NOT_FOUND]: 404 } as const;
const INVALID = { [CommonErrorCode.VALIDATION_FAILED]: 422 } as const;

export const ContactOperations = {
  list: defineOperation({
    service,
    subject: 'portfolio.v1.contacts.list',
    request: ContactQueryDto,
    response: ContactPageResponse,
    http: {
      method: 'GET',
      path: '/contacts',
      status: 200,
      tags,
      summary: 'List contacts (status, kind, tag, source, owner, grade, full-text q; pagination; sorting incl. leadScore)',
    },
    access: READ,
    paged: true,
    idempotency: 'safe',
    errors: { ...INVALID },
  }),
  leads: defineOperation({
    service,
    subject: 'portfolio.v1.contacts.leads',
    request: LeadQueryDto,
    response: LeadPageResponse,
    http: { method: 'GET', path: '/contacts/leads', status: 200, tags, summary: 'Open leads (not won or lost), best lead score first' },
    access: READ,
    paged: true,
    idempotency: 'safe',
    errors: { ...INVALID },
  }),
  create: defineOperation({
    service,
    subject: 'portfolio.v1.contacts.create',
    request: CreateContactDto,
    response: ContactResponse,
    http: { method: 'POST', path: '/contacts', status: 201, tags, summary: 'Create a contact (409 CONTACT_EMAIL_TAKEN naming the existing contact)' },
    access: WRITE,
    paged: false,
    idempotency: 'none',
    // 404: a referenced property, unit or owner is not in the organization.
    errors: { ...NOT_FOUND, [ContactErrorCode.CONTACT_EMAIL_TAKEN]: 409, ...INVALID },
  }),
  get: defineOperation({
    service,
    subject: 'portfolio.v1.contacts.get',
    request: IdDto,
    response: ContactResponse,
    http: { method: 'GET', path: '/contacts/:id', status: 200, tags, summary: 'Get a contact' },
    access: READ,
    paged: false,
    idempotency: 'safe',
    errors: { ...NOT_FOUND, ...INVALID },
  }),
  score: defineOperation({
    service,
    subject: 'portfolio.v1.contacts.score',
    request: IdDto,
    response: LeadScoreResponse,
    http: {
      method: 'GET',
      path: '/contacts/:id/score',
      status: 200,
      tags,
      summary: 'The lead score of a contact: 0–100, grade A–D and the points of each factor',
      description:
        'Factors (maximum points): profile completeness — email, phone, search profile, budget, location, size (20); ' +
        'budget fit — available listings of the organization matching the search profile: 1 → 15, 2–4 → 20, 5+ → 25 (25); ' +
        'engagement — 3 per activity in the last 30 days (up to 12), 1 per activity 31–90 days ago (up to 4), a viewing 5, an offer 8 (25); ' +
        'recency of the last contact — up to 7 days 10, 30 days 7, 90 days 3 (10); status — new 3, contacted 6, qualified 10, viewing 12, ' +
        'negotiating 15, won 0 (15); marketing consent (5). A lost lead scores 0. Grades: A ≥ 75, B ≥ 50, C ≥ 25, D below. ' +
        'Scores follow changes of the contact, its activities and the inventory.',
    },
    access: READ,
    paged: false,
    idempotency: 'safe',
    errors: { ...NOT_FOUND, ...INVALID },
  }),
  matches: defineOperation({
    service,
    subject: 'portfolio.v1.contacts.matches',
    request: ContactMatchesMessageDto,
    response: ContactMatchPageResponse,
    http: {
      method: 'GET',
      path: '/contacts/:id/matches',
      status: 200,
      tags,
      summary: "The organization's available units (rent) or properties (buy) that fit the contact's search profile",
    },
    access: READ,
    paged: true,
    idempotency: 'safe',
    errors: { ...NOT_FOUND, ...INVALID },
  }),
  replace: defineOperation({
    service,
    subject: 'portfolio.v1.contacts.replace',
    request: ReplaceContactMessageDto,
    response: ContactResponse,
    http: { method: 'PUT', path: '/contacts/:id', status: 200, tags, summary: 'Replace a contact' },
    access: WRITE,
    paged: false,
    idempotency: 'idempotent',
    errors: { ...NOT_FOUND, [ContactErrorCode.CONTACT_EMAIL_TAKEN]: 409, ...INVALID },
  }),
  update: defineOperation({
    service,
    subject: 'portfolio.v1.contacts.update',
    request: UpdateContactMessageDto,
    response: ContactResponse,
    http: { method: 'PATCH', path: '/contacts/:id', status: 200, tags, summary: 'Update some fields of a contact (null clears an optional field)' },
    access: WRITE,
    paged: false,
    idempotency: 'idempotent',
    errors: { ...NOT_FOUND, [ContactErrorCode.CONTACT_EMAIL_TAKEN]: 409, ...INVALID },
  }),
  delete: defineOperation({
    service,
    subject: 'portfolio.v1.contacts.delete',
    request: IdDto,
    response: DeletedResponse,
    http: { method: 'DELETE', path: '/contacts/:id', status: 204, tags, summary: 'Delete a contact with its activities', responseDescription: 'Deleted' },
    access: DELETE,
    paged: false,
    idempotency: 'idempotent',
    errors: { ...NOT_FOUND, ...INVALID },
  }),
};

/**
 * A contact's timeline. The payloads name the contact `contactId`, the HTTP paths `:id`: the
 * gateway maps one to the other by hand (ContactActivitiesController).
 */
export const ContactActivityOperations = {
  list: defineOperation({
    service,
    subject: 'portfolio.v1.contact-activities.list',
    request: ContactActivitiesMessageDto,
    response: ContactActivityPageResponse,
    access: READ,
    paged: true,
    idempotency: 'safe',
    errors: { ...NOT_FOUND, ...INVALID },
  }),
  create: defineOperation({
    service,
    subject: 'portfolio.v1.contact-activities.create',
    request: CreateContactActivityMessageDto,
    response: ContactActivityResponse,
    access: WRITE,
    paged: false,
    idempotency: 'none',
    errors: { ...NOT_FOUND, ...INVALID },
  }),
  delete: defineOperation({
    service,
    subject: 'portfolio.v1.contact-activities.delete',
    request: DeleteContactActivityMessageDto,
    response: DeletedResponse,
    access: DELETE,
    paged: false,
    idempotency: 'idempotent',
    errors: { ...NOT_FOUND, ...INVALID },
  }),
};
