import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  ContactActivitiesMessageDto,
  ContactActivityResponse,
  CreateContactActivityMessageDto,
  DeleteContactActivityMessageDto,
} from '@quartier/contracts-portfolio';
import { OrgCaller, Page, pageOf, pageParams } from '@quartier/contracts-shared';
import { OrgScopedRepository } from '@quartier/db';
import { notFound, validationFailed } from '@quartier/messaging';
import { ContactEntity } from '../contacts/contact.entity';
import { LeadScoringService } from '../lead-scoring/lead-scoring.service';
import { assertPortfolioReferences } from '../shared/portfolio-references';
import { assertStaff } from '../shared/staff-only';
import { isInFuture, lastContactAfter } from './activity-rules';
import { ContactActivityEntity } from './contact-activity.entity';
import { toActivityResponse } from './contact-activity.mapper';

/** The timeline of a contact. Recording or removing an activity updates its last contact and score. */
@Injectable()
export class ContactActivitiesService {
  private readonly activities: OrgScopedRepository<ContactActivityEntity>;
  private readonly contacts: OrgScopedRepository<ContactEntity>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly scoring: LeadScoringService,
  ) {
    this.activities = new OrgScopedRepository(ContactActivityEntity, dataSource.manager);
    this.contacts = new OrgScopedRepository(ContactEntity, dataSource.manager);
  }

  /** Newest first. */
  async list(caller: OrgCaller, dto: ContactActivitiesMessageDto): Promise<Page<ContactActivityResponse>> {
    assertStaff(caller);
    if (!(await this.contacts.exists(caller.organizationId, { id: dto.contactId }))) throw notFound('Contact', dto.contactId);
    const { page, size } = pageParams(dto);
    const [rows, total] = await this.activities.findPage(caller.organizationId, {
      where: { contactId: dto.contactId, ...(dto.type ? { type: dto.type } : {}) },
      order: { occurredAt: 'DESC', id: 'ASC' },
      page,
      size,
    });
    return pageOf(rows.map(toActivityResponse), total, page, size);
  }

  async create(caller: OrgCaller, dto: CreateContactActivityMessageDto): Promise<ContactActivityResponse> {
    assertStaff(caller);
    const now = new Date();
    const occurredAt = dto.occurredAt ? new Date(dto.occurredAt) : now;
    if (isInFuture(occurredAt, now)) throw validationFailed([{ field: 'occurredAt', message: 'occurredAt must not be in the future' }]);
    const organizationId = caller.organizationId;
    const activity = await this.dataSource.transaction(async (manager) => {
      const contact = await this.lockContact(manager, organizationId, dto.contactId);
      await assertReferences(manager, organizationId, dto.propertyId, dto.unitId);
      const created = await this.activities.withManager(manager).insert(organizationId, {
        contactId: contact.id,
        type: dto.type,
        occurredAt,
        summary: dto.summary,
        outcome: dto.outcome ?? null,
        propertyId: dto.propertyId ?? null,
        unitId: dto.unitId ?? null,
        createdBy: caller.userId,
      });
      contact.lastContactedAt = lastContactAfter(contact.lastContactedAt, created);
      await this.rescore(manager, contact, now);
      return created;
    });
    return toActivityResponse(activity);
  }

  async delete(caller: OrgCaller, dto: DeleteContactActivityMessageDto): Promise<void> {
    assertStaff(caller);
    const organizationId = caller.organizationId;
    await this.dataSource.transaction(async (manager) => {
      const contact = await this.lockContact(manager, organizationId, dto.contactId);
      const deleted = await this.activities.withManager(manager).deleteWhere(organizationId, { id: dto.activityId, contactId: contact.id });
      if (deleted === 0) throw notFound('Activity', dto.activityId);
      const [latest] = await manager.query<{ at: Date | null }[]>(
        "SELECT max(occurred_at) AS at FROM contact_activities WHERE organization_id = $1 AND contact_id = $2 AND type <> 'note'",
        [organizationId, contact.id],
      );
      contact.lastContactedAt = latest.at;
      await this.rescore(manager, contact, new Date());
    });
  }

  private async rescore(manager: EntityManager, contact: ContactEntity, now: Date): Promise<void> {
    const changes = await this.scoring.score(manager, contact.organizationId, [contact], now);
    await this.contacts.withManager(manager).save(contact.organizationId, contact);
    await this.scoring.announce(manager, changes);
  }

  /** Activities of one contact are recorded one after another, so its last contact and score never go backwards. */
  private async lockContact(manager: EntityManager, organizationId: string, id: string): Promise<ContactEntity> {
    const contact = await this.contacts.withManager(manager).query(organizationId, 'c').andWhere('c.id = :id', { id }).setLock('pessimistic_write').getOne();
    if (!contact) throw notFound('Contact', id);
    return contact;
  }
}

function assertReferences(manager: EntityManager, organizationId: string, propertyId?: string, unitId?: string): Promise<void> {
  return assertPortfolioReferences(manager, organizationId, { propertyIds: propertyId ? [propertyId] : [], unitIds: unitId ? [unitId] : [] });
}
