import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { NatsContext } from '@nestjs/microservices';
import { Role } from '@quartier/contracts-shared';
import { callerFromHeaders, forbidden } from '@quartier/messaging';

const STAFF_ROLES: readonly Role[] = ['owner', 'admin', 'manager', 'agent', 'viewer'];

/** Listings and channels are staff tools: a resident-only caller gets 403. */
@Injectable()
export class StaffOnlyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const caller = callerFromHeaders(context.switchToRpc().getContext<NatsContext>().getHeaders());
    if (!caller.roles.some((role) => STAFF_ROLES.includes(role))) throw forbidden('Publishing is for the staff of the organization');
    return true;
  }
}
