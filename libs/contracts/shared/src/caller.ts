/**
 * Header names of every NATS request (ARCHITECTURE §3). Who the caller is travels only inside the
 * signed caller context; plain organization, user or role headers are never read.
 */
export const CallerHeader = {
  REQUEST_ID: 'x-request-id',
  CONTEXT: 'x-caller-context',
  TRACEPARENT: 'traceparent',
  /** Absolute deadline of the call, epoch milliseconds: the callee drops work its caller gave up on. */
  DEADLINE: 'x-deadline',
  /** The client's Idempotency-Key, on the one call that performs the route's change. */
  IDEMPOTENCY_KEY: 'idempotency-key',
} as const;

/** The roles an organization grants its members (invitations, role changes, Authelia group mapping). */
export const ROLES = ['owner', 'admin', 'manager', 'agent', 'viewer', 'resident'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Whoever runs the installation (ARCHITECTURE §1): platform-wide actions such as model refits. Set
 * by the installation's configuration (identity's PLATFORM_OPERATORS), never by an organization, so
 * it is not in ROLES and every tenant-facing role field refuses it.
 */
export const PLATFORM_OPERATOR = 'platform_operator';
export type PlatformRole = typeof PLATFORM_OPERATOR;

/** What a token and a caller may carry: an organization role, plus the platform role when configured. */
export const CALLER_ROLES = [...ROLES, PLATFORM_OPERATOR] as const;
export type CallerRole = Role | PlatformRole;

export const SCOPES = ['read', 'write', 'delete', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

/** Who is calling, as a service sees it. Absent organization means an anonymous call (login, register). */
export interface Caller {
  requestId: string;
  organizationId?: string;
  userId?: string;
  roles: CallerRole[];
  scopes: Scope[];
  traceparent?: string;
  /** When the request this caller is served for stops being awaited (epoch ms); nested calls never outlive it. */
  deadline?: number;
  /**
   * The client's `Idempotency-Key`, set by the gateway for a mutating route. Sent as a header, it is
   * never read back into a service's caller, so a service does not pass it on to the calls it makes.
   */
  idempotencyKey?: string;
}

/** A caller that belongs to an organization: what every organization-scoped handler needs. */
export interface OrgCaller extends Caller {
  organizationId: string;
  userId: string;
}
