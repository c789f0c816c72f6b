import { MemberDto, OrganizationDto } from '@quartier/contracts-identity';
import { MembershipEntity } from './membership.entity';
import { OrganizationEntity } from './organization.entity';

export function toOrganizationDto(organization: OrganizationEntity): OrganizationDto {
  return {
    id: organization.id,
    name: organization.name,
    slug: organization.slug,
    plan: organization.plan,
    subscriptionStatus: organization.subscriptionStatus,
    timeZone: organization.timeZone,
    currency: organization.currency,
    settings: organization.settings,
    createdAt: organization.createdAt.toISOString(),
  };
}

export function toMemberDto(membership: MembershipEntity): MemberDto {
  return {
    id: membership.id,
    userId: membership.userId,
    email: membership.user?.email ?? '',
    name: membership.user?.name ?? '',
    role: membership.role,
    createdAt: membership.createdAt.toISOString(),
  };
}

/** `Müller & Söhne GmbH` → `muller-sohne-gmbh`. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  return slug || 'organization';
}
