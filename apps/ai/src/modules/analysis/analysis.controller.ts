import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AiIdDto, AiSubjects, AnalysisView } from '@quartier/contracts-ai';
import { OrgCaller } from '@quartier/contracts-shared';
import { CurrentCaller } from '@quartier/messaging';
import { AnalysisService } from './analysis.service';

@Controller()
export class AnalysisController {
  constructor(private readonly analysis: AnalysisService) {}

  @MessagePattern(AiSubjects.analyzeProperty)
  property(@CurrentCaller() caller: OrgCaller, @Payload() request: AiIdDto): Promise<AnalysisView> {
    return this.analysis.property(caller, request.id);
  }

  @MessagePattern(AiSubjects.analyzeTenant)
  tenant(@CurrentCaller() caller: OrgCaller, @Payload() request: AiIdDto): Promise<AnalysisView> {
    return this.analysis.tenant(caller, request.id);
  }
}
