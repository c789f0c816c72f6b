import { Controller, UseGuards } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { OrgCaller } from '@quartier/contracts-shared';
import { ValuateDto, ValuationIdDto, ValuationPageView, ValuationQueryDto, ValuationSubjects, ValuationView } from '@quartier/contracts-valuation';
import { CurrentCaller, StaffOnlyGuard } from '@quartier/messaging';
import { ValuationService } from './valuation.service';

@Controller()
@UseGuards(StaffOnlyGuard)
export class ValuationController {
  constructor(private readonly valuations: ValuationService) {}

  @MessagePattern(ValuationSubjects.valuate)
  valuate(@CurrentCaller() caller: OrgCaller, @Payload() dto: ValuateDto): Promise<ValuationView> {
    return this.valuations.valuate(caller, dto);
  }

  @MessagePattern(ValuationSubjects.list)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: ValuationQueryDto): Promise<ValuationPageView> {
    return this.valuations.list(caller, query);
  }

  @MessagePattern(ValuationSubjects.get)
  get(@CurrentCaller() caller: OrgCaller, @Payload() request: ValuationIdDto): Promise<ValuationView> {
    return this.valuations.get(caller, request.id);
  }
}
