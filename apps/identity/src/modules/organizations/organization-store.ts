import { randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { OrgScopedRepository } from '@quartier/db';
import { Plan } from '@quartier/contracts-identity';
import { MembershipEntity } from './membership.entity';
import { OrganizationEntity } from './organization.entity';
import { slugify } from './organization.mapper';

export function memberships(manager: EntityManager): OrgScopedRepository<MembershipEntity> {
  return new OrgScopedRepository(MembershipEntity, manager);
}

/** A slug of the name; a random suffix when it is taken. */
export async function uniqueSlug(manager: EntityManager, name: string): Promise<string> {
  const base = slugify(name);
  const taken = await manager.exists(OrganizationEntity, { where: { slug: base } });
  return taken ? `${base}-${randomBytes(3).toString('hex')}` : base;
}

export async function createOrganization(manager: EntityManager, values: { id?: string; name: string; plan: Plan }): Promise<OrganizationEntity> {
  const organization = manager.create(OrganizationEntity, {
    ...(values.id ? { id: values.id } : {}),
    name: values.name,
    slug: await uniqueSlug(manager, values.name),
    plan: values.plan,
    subscriptionStatus: 'active',
    timeZone: 'Europe/Berlin',
    currency: 'EUR',
    settings: {},
  });
  return manager.save(organization);
}

/** Locks the organization row for the rest of the transaction (membership changes are serialised per organization). */
export function lockOrganization(manager: EntityManager, organizationId: string): Promise<OrganizationEntity | null> {
  return manager.findOne(OrganizationEntity, { where: { id: organizationId }, lock: { mode: 'pessimistic_write' } });
}

export async function countOwners(manager: EntityManager, organizationId: string): Promise<number> {
  return memberships(manager).count(organizationId, { role: 'owner' });
}
