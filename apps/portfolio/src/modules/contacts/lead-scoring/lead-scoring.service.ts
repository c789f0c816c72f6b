import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ContactEvent, ContactScoreChangedPayload, LeadGrade } from '@quartier/contracts-portfolio';
import { OutboxEvent, addAllToOutbox } from '@quartier/db';
import { ContactEntity } from '../contacts/contact.entity';
import { ActivityCounts, LeadScore, scoreLead } from './lead-score';
import { inventoryVersion, loadListings } from './inventory';
import { Listing, matchesSearchProfile } from './search-profile';

/** Engagement and recency move with the calendar, so a score older than this is recomputed. */
const SCORE_MAX_AGE_MS = 24 * 60 * 60 * 1000;
const NO_ACTIVITY: ActivityCounts = { last30Days: 0, days31To90: 0, viewings: 0, offers: 0 };

export interface GradeChange {
  contact: ContactEntity;
  fromScore: number;
  fromGrade: LeadGrade;
}

/**
 * Keeps the stored lead scores current. A contact is rescored inside the transaction that changes
 * it or its activities; changed inventory (units, properties) is noticed by its fingerprint and the
 * organization's stale scores are recomputed before anything reads them.
 */
@Injectable()
export class LeadScoringService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Sets the score fields of the given contacts (not yet saved) and returns those whose grade
   * changed. Contacts without an id (being created) have no activities yet.
   */
  async score(manager: EntityManager, organizationId: string, contacts: ContactEntity[], now = new Date()): Promise<GradeChange[]> {
    if (contacts.length === 0) return [];
    const version = await inventoryVersion(manager, organizationId);
    const listings = contacts.some((contact) => contact.searchProfile) ? await loadListings(manager, organizationId) : [];
    const counts = await activityCounts(manager, organizationId, contacts.map((contact) => contact.id).filter(Boolean), now);
    const changes: GradeChange[] = [];
    for (const contact of contacts) {
      const before = { fromScore: contact.leadScore, fromGrade: contact.leadGrade };
      const score = scoreLead({
        status: contact.status,
        emailCount: contact.emails.length,
        phoneCount: contact.phones.length,
        searchProfile: contact.searchProfile,
        marketingConsent: contact.marketingConsent,
        lastContactedAt: contact.lastContactedAt,
        activity: (contact.id && counts.get(contact.id)) || NO_ACTIVITY,
        matchingListings: matchingListings(contact, listings).length,
        now,
      });
      applyScore(contact, score, version, now);
      if (contact.id && before.fromGrade !== contact.leadGrade) changes.push({ contact, ...before });
    }
    return changes;
  }

  /** `portfolio.contact.score-changed` for each grade change, in the caller's transaction. */
  async announce(manager: EntityManager, changes: GradeChange[]): Promise<void> {
    const events: OutboxEvent[] = changes.map(({ contact, fromScore, fromGrade }) => ({
      organizationId: contact.organizationId,
      type: ContactEvent.SCORE_CHANGED,
      payload: {
        contactId: contact.id,
        ownerId: contact.ownerId,
        fromScore,
        toScore: contact.leadScore,
        fromGrade,
        toGrade: contact.leadGrade,
      } satisfies ContactScoreChangedPayload,
    }));
    await addAllToOutbox(manager, events);
  }

  /**
   * Recomputes every score of the organization that was computed against other inventory or too
   * long ago. A cheap check first, so reads of an up-to-date organization take no lock.
   */
  async refreshStale(organizationId: string, now = new Date()): Promise<void> {
    const version = await inventoryVersion(this.dataSource.manager, organizationId);
    const staleBefore = new Date(now.getTime() - SCORE_MAX_AGE_MS);
    const anyStale = await this.staleContacts(this.dataSource.manager, organizationId, version, staleBefore, false);
    if (anyStale.length === 0) return;
    await this.dataSource.transaction((manager) => this.refreshStaleIn(manager, organizationId, now));
  }

  /** The refresh inside the caller's transaction; one per organization at a time, so a grade change is announced once. */
  async refreshStaleIn(manager: EntityManager, organizationId: string, now = new Date()): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`portfolio-contact-scores:${organizationId}`]);
    const staleBefore = new Date(now.getTime() - SCORE_MAX_AGE_MS);
    await pruneDeletedInterests(manager, organizationId);
    const stale = await this.staleContacts(manager, organizationId, await inventoryVersion(manager, organizationId), staleBefore, true);
    const changes = await this.score(manager, organizationId, stale, now);
    await saveScores(manager, organizationId, stale);
    await this.announce(manager, changes);
  }

  private staleContacts(manager: EntityManager, organizationId: string, version: string, staleBefore: Date, lock: boolean): Promise<ContactEntity[]> {
    const query = manager
      .getRepository(ContactEntity)
      .createQueryBuilder('c')
      .where('c.organization_id = :organizationId', { organizationId })
      .andWhere('(c.lead_inventory_version IS DISTINCT FROM :version OR c.lead_scored_at IS NULL OR c.lead_scored_at < :staleBefore)', {
        version,
        staleBefore,
      });
    return lock ? query.setLock('pessimistic_write').getMany() : query.limit(1).getMany();
  }
}

export function matchingListings(contact: ContactEntity, listings: Listing[]): Listing[] {
  const profile = contact.searchProfile;
  return profile ? listings.filter((listing) => matchesSearchProfile(profile, listing)) : [];
}

function applyScore(contact: ContactEntity, score: LeadScore, version: string, now: Date): void {
  contact.leadScore = score.score;
  contact.leadGrade = score.grade;
  contact.leadScoreReasons = score.reasons;
  contact.leadScoredAt = now;
  contact.leadInventoryVersion = version;
}

/** Only the score columns, in one statement: a refresh is not an edit, so `updated_at` stays. */
async function saveScores(manager: EntityManager, organizationId: string, contacts: ContactEntity[]): Promise<void> {
  if (contacts.length === 0) return;
  const [first] = contacts;
  await manager.query(
    `UPDATE contacts c
        SET lead_score = v.score, lead_grade = v.grade, lead_score_reasons = v.reasons,
            lead_scored_at = $2, lead_inventory_version = $3
       FROM unnest($4::uuid[], $5::int[], $6::text[], $7::jsonb[]) AS v(id, score, grade, reasons)
      WHERE c.organization_id = $1 AND c.id = v.id`,
    [
      organizationId,
      first.leadScoredAt,
      first.leadInventoryVersion,
      contacts.map((contact) => contact.id),
      contacts.map((contact) => contact.leadScore),
      contacts.map((contact) => contact.leadGrade),
      contacts.map((contact) => JSON.stringify(contact.leadScoreReasons)),
    ],
  );
}

/** Interests in properties or units deleted since: the inventory changed, so the links go too. */
async function pruneDeletedInterests(manager: EntityManager, organizationId: string): Promise<void> {
  await manager.query(
    `UPDATE contacts c
        SET interested_property_ids = ARRAY(SELECT ref.ref_id FROM unnest(c.interested_property_ids) AS ref(ref_id)
                                             WHERE EXISTS (SELECT 1 FROM properties p WHERE p.organization_id = $1 AND p.id = ref.ref_id)),
            interested_unit_ids = ARRAY(SELECT ref.ref_id FROM unnest(c.interested_unit_ids) AS ref(ref_id)
                                         WHERE EXISTS (SELECT 1 FROM units u WHERE u.organization_id = $1 AND u.id = ref.ref_id))
      WHERE c.organization_id = $1
        AND (NOT c.interested_property_ids <@ ARRAY(SELECT id FROM properties WHERE organization_id = $1)
          OR NOT c.interested_unit_ids <@ ARRAY(SELECT id FROM units WHERE organization_id = $1))`,
    [organizationId],
  );
}

async function activityCounts(manager: EntityManager, organizationId: string, contactIds: string[], now: Date): Promise<Map<string, ActivityCounts>> {
  if (contactIds.length === 0) return new Map();
  const rows = await manager.query<{ contact_id: string; last30: number; days31to90: number; viewings: number; offers: number }[]>(
    `SELECT contact_id,
            count(*) FILTER (WHERE type <> 'note' AND occurred_at > $3::timestamptz - interval '30 days')::int AS last30,
            count(*) FILTER (WHERE type <> 'note' AND occurred_at <= $3::timestamptz - interval '30 days'
                                                  AND occurred_at > $3::timestamptz - interval '90 days')::int AS days31to90,
            count(*) FILTER (WHERE type = 'viewing')::int AS viewings,
            count(*) FILTER (WHERE type = 'offer')::int AS offers
       FROM contact_activities
      WHERE organization_id = $1 AND contact_id = ANY($2::uuid[])
      GROUP BY contact_id`,
    [organizationId, contactIds, now],
  );
  return new Map(rows.map((row) => [row.contact_id, { last30Days: row.last30, days31To90: row.days31to90, viewings: row.viewings, offers: row.offers }]));
}
