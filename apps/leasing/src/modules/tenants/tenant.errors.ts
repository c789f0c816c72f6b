import { LeasingErrorCode } from '@quartier/contracts-leasing';
import { conflict, notFound, rpcError } from '@quartier/messaging';

export const tenantNotFound = (id: string) => notFound('Tenant', id);
export const tenantEmailTaken = (email: string) =>
  rpcError(409, LeasingErrorCode.TENANT_EMAIL_TAKEN, `A tenant with email ${email} already exists`, { email });
export const tenantUserTaken = () => conflict('Another tenant is already linked to this user account');
