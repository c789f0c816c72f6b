import { CallerRole, PLATFORM_OPERATOR } from '@quartier/contracts-shared';

/** The installation's operators, from PLATFORM_OPERATORS: user ids and emails, compared case-insensitively. */
export function parsePlatformOperators(entries: readonly string[]): ReadonlySet<string> {
  return new Set(entries.map((entry) => entry.trim().toLowerCase()).filter((entry) => entry !== ''));
}

/**
 * The roles an access token carries: the organization's roles, plus the platform operator role only
 * when the installation lists the user, so nothing an organization stores or sends can grant it.
 */
export function tokenRoles(roles: readonly CallerRole[], user: { sub: string; email: string }, operators: ReadonlySet<string>): CallerRole[] {
  const organizationRoles = roles.filter((role) => role !== PLATFORM_OPERATOR);
  const isOperator = operators.has(user.sub.toLowerCase()) || operators.has(user.email.toLowerCase());
  return isOperator ? [...organizationRoles, PLATFORM_OPERATOR] : organizationRoles;
}
