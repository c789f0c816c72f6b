import { EntityManager } from 'typeorm';
import { PortfolioEvent, UnitStatus, UnitStatusChangedPayload, UnitStatusSource } from '@quartier/contracts-portfolio';
import { OrgScopedRepository, addToOutbox } from '@quartier/db';
import { UnitStatusHistoryEntity } from './unit-status-history.entity';
import { UnitEntity } from './unit.entity';

export interface StatusChange {
  to: UnitStatus;
  /** The occupying lease after the change; when absent it is kept, unless the unit is vacated. */
  leaseId?: string | null;
  source: UnitStatusSource;
  reason?: string | null;
  eventId?: string | null;
  changedBy?: string | null;
}

/**
 * Sets a unit's status inside the caller's transaction, appends the history entry and the
 * `portfolio.unit.status-changed` event, so the three never disagree.
 */
export async function recordStatusChange(manager: EntityManager, unit: UnitEntity, change: StatusChange): Promise<UnitEntity> {
  const from = unit.status;
  unit.status = change.to;
  if (change.leaseId !== undefined) unit.currentLeaseId = change.leaseId;
  else if (change.to === 'vacant') unit.currentLeaseId = null;
  const saved = await new OrgScopedRepository(UnitEntity, manager).save(unit.organizationId, unit);
  await appendHistory(manager, unit, from, change);
  const payload: UnitStatusChangedPayload = {
    unitId: unit.id,
    buildingId: unit.buildingId,
    propertyId: unit.propertyId,
    fromStatus: from,
    toStatus: change.to,
    source: change.source,
    eventId: change.eventId ?? null,
  };
  await addToOutbox(manager, unit.organizationId, PortfolioEvent.UNIT_STATUS_CHANGED, payload);
  return saved;
}

/** The first history entry of a new unit: its initial status. */
export async function recordInitialStatus(manager: EntityManager, unit: UnitEntity, changedBy: string): Promise<void> {
  await appendHistory(manager, unit, null, { to: unit.status, source: 'created', changedBy });
}

async function appendHistory(manager: EntityManager, unit: UnitEntity, from: UnitStatus | null, change: StatusChange): Promise<void> {
  await new OrgScopedRepository(UnitStatusHistoryEntity, manager).insert(unit.organizationId, {
    unitId: unit.id,
    fromStatus: from,
    toStatus: change.to,
    reason: change.reason ?? null,
    source: change.source,
    eventId: change.eventId ?? null,
    changedBy: change.changedBy ?? null,
  });
}
