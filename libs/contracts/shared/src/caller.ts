/** Header names that carry the caller on every NATS request (ARCHITECTURE §3). */
export const CallerHeader = {
  REQUEST_ID: 'x-request-id',
  ORGANIZATION_ID: 'x-organization-id',
  USER_ID: 'x-user-id',
  ROLES: 'x-roles',
  SCOPES: 'x-scopes',
  TRACEPARENT: 'traceparent',
} as const;

export const ROLES = ['owner', 'admin', 'manager', 'agent', 'viewer', 'resident'] as const;
export type Role = (typeof ROLES)[number];

export const SCOPES = ['read', 'write', 'delete', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

/** Who is calling, as a service sees it. Absent organization means an anonymous call (login, register). */
export interface Caller {
  requestId: string;
  organizationId?: string;
  userId?: string;
  roles: Role[];
  scopes: Scope[];
  traceparent?: string;
}

/** A caller that belongs to an organization: what every organization-scoped handler needs. */
export interface OrgCaller extends Caller {
  organizationId: string;
  userId: string;
}
