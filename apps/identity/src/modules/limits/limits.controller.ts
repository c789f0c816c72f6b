import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CheckLimitDto, IdentitySubjects, LimitCheckResultDto, LimitsDto } from '@quartier/contracts-identity';
import { OrgCaller } from '@quartier/contracts-shared';
import { CurrentCaller } from '@quartier/messaging';
import { LimitsService } from './limits.service';

@Controller()
export class LimitsController {
  constructor(private readonly limits: LimitsService) {}

  @MessagePattern(IdentitySubjects.limitsGet)
  get(@CurrentCaller() caller: OrgCaller): Promise<LimitsDto> {
    return this.limits.get(caller.organizationId);
  }

  /** For other services, before they create something a plan limits: ok, or 402. */
  @MessagePattern(IdentitySubjects.limitsCheck)
  check(@CurrentCaller() caller: OrgCaller, @Payload() request: CheckLimitDto): Promise<LimitCheckResultDto> {
    return this.limits.check(caller.organizationId, request);
  }
}
