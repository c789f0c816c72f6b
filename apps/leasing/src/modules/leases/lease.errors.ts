import { LeasingErrorCode, LeaseStatus } from '@quartier/contracts-leasing';
import { INT32_MAX } from '@quartier/contracts-shared';
import { notFound, rpcError, validationFailed } from '@quartier/messaging';

export const leaseNotFound = (id: string) => notFound('Lease', id);

export const unitNotFound = (id: string) => rpcError(404, LeasingErrorCode.UNIT_NOT_FOUND, `Unit ${id} not found`);

export const propertyNotFound = (id: string) => rpcError(404, LeasingErrorCode.PROPERTY_NOT_FOUND, `Property ${id} not found`);

export const invalidTransition = (action: string, status: LeaseStatus, allowed: LeaseStatus[]) =>
  rpcError(409, LeasingErrorCode.INVALID_LEASE_TRANSITION, `Cannot ${action} a ${status} lease (only ${allowed.join(' or ')})`, {
    status,
    allowed,
  });

export const leaseOverlap = (other: { id: string; startDate: string; endDate: string | null; status: string }) =>
  rpcError(
    409,
    LeasingErrorCode.LEASE_OVERLAP,
    `The unit already has a ${other.status} lease ${other.id} from ${other.startDate} to ${other.endDate ?? 'open end'}`,
    { conflictingLeaseId: other.id, startDate: other.startDate, endDate: other.endDate, status: other.status },
  );

export const invalidDate = (field: string, message: string) => validationFailed([{ field, message }]);

/** Each amount fits its column, but a month's charge is their sum and lands in an integer column too. */
export const monthlyRentTooHigh = () =>
  validationFailed([{ field: 'coldRentCents', message: `cold rent, service charge and heating together must not exceed ${INT32_MAX} cents a month` }]);
