import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { NatsContext } from '@nestjs/microservices';
import { callerFromHeaders, forbidden } from '@quartier/messaging';
import { isResidentOnly } from './paging';

/** Contractors, boards and tasks are staff tools: a resident-only caller gets 403. */
@Injectable()
export class StaffOnlyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const caller = callerFromHeaders(context.switchToRpc().getContext<NatsContext>().getHeaders());
    if (isResidentOnly(caller)) throw forbidden('Residents cannot use this part of maintenance');
    return true;
  }
}
