import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { AiSubjects, InsightsView } from '@quartier/contracts-ai';
import { OrgCaller } from '@quartier/contracts-shared';
import { CurrentCaller } from '@quartier/messaging';
import { InsightsService } from './insights.service';

@Controller()
export class InsightsController {
  constructor(private readonly insights: InsightsService) {}

  @MessagePattern(AiSubjects.insights)
  get(@CurrentCaller() caller: OrgCaller): Promise<InsightsView> {
    return this.insights.insights(caller);
  }
}
