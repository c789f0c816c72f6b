import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { AiIdDto, AiOperations, AnalysisView } from '@quartier/contracts-ai';
import { OrgCaller } from '@quartier/contracts-shared';
import { CurrentCaller, HandlesOperation } from '@quartier/messaging';
import { AnalysisService } from './analysis.service';

@Controller()
export class AnalysisController {
  constructor(private readonly analysis: AnalysisService) {}

  @HandlesOperation(AiOperations.analyzeProperty)
  property(@CurrentCaller() caller: OrgCaller, @Payload() request: AiIdDto): Promise<AnalysisView> {
    return this.analysis.property(caller, request.id);
  }

  @HandlesOperation(AiOperations.analyzeTenant)
  tenant(@CurrentCaller() caller: OrgCaller, @Payload() request: AiIdDto): Promise<AnalysisView> {
    return this.analysis.tenant(caller, request.id);
  }
}
