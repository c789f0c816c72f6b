import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { PortfolioSubjects, PortfolioUsageResponse } from '@quartier/contracts-portfolio';
import { OrgCaller } from '@quartier/contracts-shared';
import { CurrentCaller } from '@quartier/messaging';
import { UsageService } from './usage.service';

@Controller()
export class UsageController {
  constructor(private readonly usageService: UsageService) {}

  @MessagePattern(PortfolioSubjects.usageGet)
  usage(@CurrentCaller() caller: OrgCaller): Promise<PortfolioUsageResponse> {
    return this.usageService.usage(caller.organizationId);
  }
}
