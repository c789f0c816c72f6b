import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { OrganizationDto, PlanOperations, SetOrganizationPlanDto } from '@quartier/contracts-identity';
import { OrgCaller } from '@quartier/contracts-shared';
import { CurrentCaller, HandlesOperation, assertOperationAccess } from '@quartier/messaging';
import { PlansService } from './plans.service';

@Controller()
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  /** The platform operator role holds for every caller, not only at the gateway. */
  @HandlesOperation(PlanOperations.set)
  set(@CurrentCaller() caller: OrgCaller, @Payload() request: SetOrganizationPlanDto): Promise<OrganizationDto> {
    assertOperationAccess(PlanOperations.set, caller);
    return this.plans.set(request);
  }
}
