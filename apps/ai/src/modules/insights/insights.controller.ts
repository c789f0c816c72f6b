import { Controller } from '@nestjs/common';
import { AiOperations, InsightsView } from '@quartier/contracts-ai';
import { OrgCaller } from '@quartier/contracts-shared';
import { CurrentCaller, HandlesOperation } from '@quartier/messaging';
import { InsightsService } from './insights.service';

@Controller()
export class InsightsController {
  constructor(private readonly insights: InsightsService) {}

  @HandlesOperation(AiOperations.insights)
  get(@CurrentCaller() caller: OrgCaller): Promise<InsightsView> {
    return this.insights.insights(caller);
  }
}
