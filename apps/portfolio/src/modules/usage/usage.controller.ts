import { Controller } from '@nestjs/common';
import { PortfolioUsageResponse, UsageOperations } from '@quartier/contracts-portfolio';
import { OrgCaller } from '@quartier/contracts-shared';
import { CurrentCaller, HandlesOperation } from '@quartier/messaging';
import { UsageService } from './usage.service';

@Controller()
export class UsageController {
  constructor(private readonly usageService: UsageService) {}

  @HandlesOperation(UsageOperations.get)
  usage(@CurrentCaller() caller: OrgCaller): Promise<PortfolioUsageResponse> {
    return this.usageService.usage(caller.organizationId);
  }
}
