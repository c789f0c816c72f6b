import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CheckLimitDto, LimitCheckResultDto, LimitOperations, LimitsDto } from '@quartier/contracts-identity';
import { OrgCaller } from '@quartier/contracts-shared';
import { CurrentCaller, HandlesOperation } from '@quartier/messaging';
import { LimitsService } from './limits.service';

@Controller()
export class LimitsController {
  constructor(private readonly limits: LimitsService) {}

  @HandlesOperation(LimitOperations.get)
  get(@CurrentCaller() caller: OrgCaller): Promise<LimitsDto> {
    return this.limits.get(caller.organizationId);
  }

  /** For other services, before they create something a plan limits: ok, or 402. */
  @HandlesOperation(LimitOperations.check)
  check(@CurrentCaller() caller: OrgCaller, @Payload() request: CheckLimitDto): Promise<LimitCheckResultDto> {
    return this.limits.check(caller.organizationId, request);
  }
}
