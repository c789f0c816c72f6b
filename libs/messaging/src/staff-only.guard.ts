import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { NatsContext } from '@nestjs/microservices';
import { isResidentOnly } from '@quartier/auth';
import { provenCaller } from './caller-headers';
import { forbidden } from './rpc-errors';

/** Handlers of staff tools (contractors, boards, valuations, publishing): a resident-only caller gets 403. */
@Injectable()
export class StaffOnlyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const caller = provenCaller(context.switchToRpc().getContext<NatsContext>().getHeaders());
    if (isResidentOnly(caller.roles)) throw forbidden('This part of Quartier is for the staff of the organization');
    return true;
  }
}
