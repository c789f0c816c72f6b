import { EntityManager } from 'typeorm';
import { notFound } from '@quartier/messaging';

/**
 * Properties and units named by a contact or an activity must be the organization's own; one of
 * another organization is answered like a missing one (404).
 */
export async function assertPortfolioReferences(
  manager: EntityManager,
  organizationId: string,
  refs: { propertyIds?: readonly string[]; unitIds?: readonly string[] },
): Promise<void> {
  await assertExisting(manager, organizationId, 'properties', 'Property', refs.propertyIds ?? []);
  await assertExisting(manager, organizationId, 'units', 'Unit', refs.unitIds ?? []);
}

async function assertExisting(manager: EntityManager, organizationId: string, table: 'properties' | 'units', entity: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await manager.query<{ id: string }[]>(`SELECT id FROM ${table} WHERE organization_id = $1 AND id = ANY($2::uuid[])`, [organizationId, ids]);
  const found = new Set(rows.map((row) => row.id));
  const missing = ids.find((id) => !found.has(id));
  if (missing) throw notFound(entity, missing);
}
