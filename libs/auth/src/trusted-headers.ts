import { BlockList, isIP } from 'node:net';
import { ROLES, Role } from '@quartier/contracts-shared';

/** Parses `10.0.0.0/8,127.0.0.1` into a matcher. Invalid entries throw at boot. */
export function parseCidrs(cidrs: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of cidrs) {
    const [address, prefix] = entry.split('/');
    const family = isIP(address) === 6 ? 'ipv6' : isIP(address) === 4 ? 'ipv4' : undefined;
    if (!family) throw new Error(`Invalid proxy address: ${entry}`);
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return list;
}

export function isTrustedSource(list: BlockList, ip: string | undefined): boolean {
  if (!ip) return false;
  const plain = ip.startsWith('::ffff:') ? ip.slice('::ffff:'.length) : ip;
  const family = isIP(plain) === 6 ? 'ipv6' : 'ipv4';
  return list.check(plain, family);
}

/** The identity Authelia forwards (`Remote-User`, `Remote-Groups`, `Remote-Email`, `Remote-Name`). */
export interface TrustedIdentity {
  username: string;
  email: string;
  name?: string;
  roles: Role[];
}

/**
 * Reads Authelia's headers. Groups map to roles through `groupRoles` (group → role); a user in
 * no mapped group gets `defaultRole`. Returns undefined when the headers are absent or incomplete.
 */
export function parseTrustedHeaders(
  headers: Record<string, string | string[] | undefined>,
  groupRoles: Record<string, Role>,
  defaultRole: Role,
): TrustedIdentity | undefined {
  const read = (name: string): string | undefined => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const username = read('remote-user')?.trim();
  const email = read('remote-email')?.trim();
  if (!username || !email) return undefined;
  const groups = (read('remote-groups') ?? '')
    .split(',')
    .map((group) => group.trim())
    .filter(Boolean);
  const roles = [...new Set(groups.map((group) => groupRoles[group]).filter((role): role is Role => role !== undefined))];
  return { username, email, name: read('remote-name')?.trim() || undefined, roles: roles.length > 0 ? roles : [defaultRole] };
}

/** `quartier-admins:admin,quartier-staff:manager` → { 'quartier-admins': 'admin', … }. */
export function parseGroupRoles(entries: readonly string[]): Record<string, Role> {
  const mapping: Record<string, Role> = {};
  for (const entry of entries) {
    const [group, role] = entry.split(':').map((part) => part.trim());
    if (!group || !ROLES.includes(role as Role)) throw new Error(`Invalid group mapping "${entry}": expected group:role`);
    mapping[group] = role as Role;
  }
  return mapping;
}
