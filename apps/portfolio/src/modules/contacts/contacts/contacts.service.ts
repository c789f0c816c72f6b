import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  CONTACT_SORT_FIELDS,
  ContactChangedPayload,
  ContactEvent,
  ContactMatchPageResponse,
  ContactMatchesMessageDto,
  ContactQueryDto,
  ContactResponse,
  CreateContactDto,
  LeadPageResponse,
  LeadQueryDto,
  LeadScoreResponse,
  UpdateContactMessageDto,
} from '@quartier/contracts-portfolio';
import { OrgCaller, Page, pageOf, pageParams } from '@quartier/contracts-shared';
import { OrgScopedRepository, addToOutbox } from '@quartier/db';
import { notFound, validationFailed } from '@quartier/messaging';
import { givenFields } from '../../../common/changes';
import { escapeLike, fetchPage, orderFor } from '../../../common/list';
import { loadListings } from '../lead-scoring/inventory';
import { LeadScoringService, matchingListings } from '../lead-scoring/lead-scoring.service';
import { byBudgetFit, searchProfileErrors } from '../lead-scoring/search-profile';
import { assertPortfolioReferences } from '../shared/portfolio-references';
import { assertStaff } from '../shared/staff-only';
import { claimEmails } from './contact-emails';
import { ContactEntity } from './contact.entity';
import { contactColumns, toContactResponse, toLeadScoreResponse, toMatchResponse } from './contact.mapper';
import { contactErrors, displayName } from './contact-rules';

const SORT_COLUMNS: Record<(typeof CONTACT_SORT_FIELDS)[number], string> = {
  name: 'lower(c.display_name)',
  status: 'c.status',
  source: 'c.source',
  leadScore: 'c.lead_score',
  // Never contacted counts as longest ago: first when ascending, last when descending.
  lastContactedAt: "COALESCE(c.last_contacted_at, '-infinity')",
  createdAt: 'c.created_at',
  updatedAt: 'c.updated_at',
};

@Injectable()
export class ContactsService {
  private readonly contacts: OrgScopedRepository<ContactEntity>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly scoring: LeadScoringService,
  ) {
    this.contacts = new OrgScopedRepository(ContactEntity, dataSource.manager);
  }

  async list(caller: OrgCaller, query: ContactQueryDto): Promise<Page<ContactResponse>> {
    assertStaff(caller);
    const order = orderFor(query, SORT_COLUMNS, '-createdAt', 'c.id');
    await this.scoring.refreshStale(caller.organizationId);
    const builder = this.contacts.query(caller.organizationId, 'c');
    if (query.status) builder.andWhere('c.status = :status', { status: query.status });
    if (query.kind) builder.andWhere(':kind = ANY(c.kinds)', { kind: query.kind });
    if (query.tag) builder.andWhere(':tag = ANY(c.tags)', { tag: query.tag.trim().toLowerCase() });
    if (query.type) builder.andWhere('c.type = :type', { type: query.type });
    if (query.source) builder.andWhere('c.source = :source', { source: query.source });
    if (query.ownerId) builder.andWhere('c.owner_id = :ownerId', { ownerId: query.ownerId });
    if (query.grade) builder.andWhere('c.lead_grade = :grade', { grade: query.grade });
    if (query.propertyId) builder.andWhere(':propertyId = ANY(c.interested_property_ids)', { propertyId: query.propertyId });
    if (query.unitId) builder.andWhere(':unitId = ANY(c.interested_unit_ids)', { unitId: query.unitId });
    if (query.marketingConsent !== undefined) builder.andWhere('c.marketing_consent = :consent', { consent: query.marketingConsent });
    if (query.q) {
      const digits = query.q.replace(/\D/g, '');
      const phone = digits.length >= 3 ? " OR regexp_replace(c.phones::text, '[^0-9]', '', 'g') LIKE :digits" : '';
      builder.andWhere(
        `(c.display_name ILIKE :q ESCAPE '\\' OR c.company_name ILIKE :q ESCAPE '\\' OR c.emails::text ILIKE :q ESCAPE '\\'${phone})`,
        { q: `%${escapeLike(query.q.trim())}%`, digits: `%${digits}%` },
      );
    }
    return fetchPage(builder, query, order, toContactResponse);
  }

  /** Open leads (not won or lost), best score first; the most recently contacted wins a tie. */
  async leads(caller: OrgCaller, query: LeadQueryDto): Promise<LeadPageResponse> {
    assertStaff(caller);
    await this.scoring.refreshStale(caller.organizationId);
    const builder = this.contacts.query(caller.organizationId, 'c').andWhere("c.status NOT IN ('won', 'lost')");
    if (query.grade) builder.andWhere('c.lead_grade = :grade', { grade: query.grade });
    if (query.ownerId) builder.andWhere('c.owner_id = :ownerId', { ownerId: query.ownerId });
    const order = [
      { column: 'c.lead_score', direction: 'DESC' as const },
      // Never contacted sorts after any contact (Postgres puts NULL first when descending).
      { column: "COALESCE(c.last_contacted_at, '-infinity')", direction: 'DESC' as const },
    ];
    return fetchPage(builder, query, order, toContactResponse);
  }

  async get(caller: OrgCaller, id: string): Promise<ContactResponse> {
    assertStaff(caller);
    await this.scoring.refreshStale(caller.organizationId);
    return toContactResponse(await this.load(caller.organizationId, id, this.dataSource.manager, false));
  }

  async score(caller: OrgCaller, id: string): Promise<LeadScoreResponse> {
    assertStaff(caller);
    await this.scoring.refreshStale(caller.organizationId);
    return toLeadScoreResponse(await this.load(caller.organizationId, id, this.dataSource.manager, false));
  }

  /** The organization's available listings that fit the contact's search profile, best budget fit first. */
  async matches(caller: OrgCaller, dto: ContactMatchesMessageDto): Promise<ContactMatchPageResponse> {
    assertStaff(caller);
    const contact = await this.load(caller.organizationId, dto.id, this.dataSource.manager, false);
    const { page, size } = pageParams(dto);
    const matches = contact.searchProfile
      ? matchingListings(contact, await loadListings(this.dataSource.manager, caller.organizationId)).sort(byBudgetFit(contact.searchProfile))
      : [];
    const items = matches.slice((page - 1) * size, page * size).map(toMatchResponse);
    return pageOf(items, matches.length, page, size);
  }

  async create(caller: OrgCaller, dto: CreateContactDto): Promise<ContactResponse> {
    assertStaff(caller);
    const organizationId = caller.organizationId;
    const now = new Date();
    const contact = Object.assign(new ContactEntity(), {
      organizationId,
      status: 'new',
      emails: [],
      phones: [],
      kinds: [],
      tags: [],
      ownerId: caller.userId,
      marketingConsent: false,
      marketingConsentAt: null,
      marketingConsentSource: null,
      interestedPropertyIds: [],
      interestedUnitIds: [],
      lastContactedAt: null,
      searchProfile: null,
      leadScore: 0,
      leadGrade: 'D',
      ...contactColumns(dto, now),
    } satisfies Partial<ContactEntity>);
    assertValid(contact);
    const saved = await this.dataSource.transaction(async (manager) => {
      await assertPortfolioReferences(manager, organizationId, { propertyIds: contact.interestedPropertyIds, unitIds: contact.interestedUnitIds });
      await this.scoring.score(manager, organizationId, [contact], now);
      const created = await this.contacts.withManager(manager).insert(organizationId, contact);
      await claimEmails(manager, organizationId, created.id, created.emails.map((email) => email.address));
      await addToOutbox(manager, organizationId, ContactEvent.CREATED, changedPayload(created));
      return created;
    });
    return toContactResponse(saved);
  }

  /** Changes the given fields; the merged contact must still be valid, and its score follows. */
  async update(caller: OrgCaller, dto: UpdateContactMessageDto): Promise<ContactResponse> {
    assertStaff(caller);
    const { id, ...changes } = dto;
    const fields = givenFields(changes);
    const organizationId = caller.organizationId;
    const saved = await this.dataSource.transaction(async (manager) => {
      const contact = await this.load(organizationId, id, manager);
      Object.assign(contact, contactColumns(fields, new Date()));
      assertValid(contact);
      await assertPortfolioReferences(manager, organizationId, { propertyIds: fields.interestedPropertyIds ?? [], unitIds: fields.interestedUnitIds ?? [] });
      if (fields.emails !== undefined) await claimEmails(manager, organizationId, contact.id, contact.emails.map((email) => email.address));
      const changes = await this.scoring.score(manager, organizationId, [contact]);
      const updated = await this.contacts.withManager(manager).save(organizationId, contact);
      await addToOutbox(manager, organizationId, ContactEvent.UPDATED, changedPayload(updated));
      await this.scoring.announce(manager, changes);
      return updated;
    });
    return toContactResponse(saved);
  }

  /** Its emails and activities go with it (ON DELETE CASCADE). */
  async delete(caller: OrgCaller, id: string): Promise<void> {
    assertStaff(caller);
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.contacts.withManager(manager).deleteById(caller.organizationId, id))) throw notFound('Contact', id);
      await addToOutbox(manager, caller.organizationId, ContactEvent.DELETED, { contactId: id });
    });
  }

  /** Inside a transaction the row is locked, so concurrent changes of one contact apply one after another. */
  private async load(organizationId: string, id: string, manager: EntityManager, lock = true): Promise<ContactEntity> {
    const query = this.contacts.withManager(manager).query(organizationId, 'c').andWhere('c.id = :id', { id });
    const contact = await (lock ? query.setLock('pessimistic_write') : query).getOne();
    if (!contact) throw notFound('Contact', id);
    return contact;
  }
}

/** Sets the display name and checks the rules across fields (422 with every problem). */
function assertValid(contact: ContactEntity): void {
  const errors = [...contactErrors(contact), ...(contact.searchProfile ? searchProfileErrors(contact.searchProfile) : [])];
  if (errors.length > 0) throw validationFailed(errors);
  contact.displayName = displayName(contact);
}

function changedPayload(contact: ContactEntity): ContactChangedPayload {
  return { contactId: contact.id, status: contact.status, ownerId: contact.ownerId, leadScore: contact.leadScore, leadGrade: contact.leadGrade };
}
