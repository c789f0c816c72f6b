import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { AsOfDto, LeaseOperations, LifecycleRunResult, RentRunResult } from '@quartier/contracts-leasing';
import { OrgCaller } from '@quartier/contracts-shared';
import { CurrentCaller, forbidden, HandlesOperation } from '@quartier/messaging';
import { LeaseService } from '../leases/lease.service';
import { Today } from '../shared/today';
import { RentService } from './rent.service';

/** Manual runs of the jobs for the caller's organization (admins; the timer covers everyone). */
@Controller()
export class RentController {
  constructor(
    private readonly rent: RentService,
    private readonly leases: LeaseService,
    private readonly today: Today,
  ) {}

  @HandlesOperation(LeaseOperations.rentRun)
  run(@CurrentCaller() caller: OrgCaller, @Payload() dto: AsOfDto): Promise<RentRunResult> {
    assertAdmin(caller);
    return this.rent.run(dto.asOf ?? this.today.get(), caller.organizationId);
  }

  @HandlesOperation(LeaseOperations.lifecycleRun)
  lifecycle(@CurrentCaller() caller: OrgCaller, @Payload() dto: AsOfDto): Promise<LifecycleRunResult> {
    assertAdmin(caller);
    return this.leases.runLifecycle(dto.asOf ?? this.today.get(), caller.organizationId);
  }
}

function assertAdmin(caller: OrgCaller): void {
  if (!caller.roles.some((role) => role === 'owner' || role === 'admin' || role === 'manager')) throw forbidden('Only owners, admins and managers run leasing jobs');
}
