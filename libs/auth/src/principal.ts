import { CallerRole, Scope } from '@quartier/contracts-shared';

/** The authenticated user of an HTTP request at the gateway. */
export interface Principal {
  userId: string;
  organizationId: string;
  email?: string;
  roles: CallerRole[];
  scopes: Scope[];
  /** How the user was authenticated. */
  via: 'jwt' | 'trusted-header';
}

/** The claims of a Quartier access token. */
export interface AccessTokenClaims {
  sub: string;
  org: string;
  email: string;
  roles: CallerRole[];
  scopes: Scope[];
}
