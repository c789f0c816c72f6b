import { Controller, UseGuards } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { OrgCaller } from '@quartier/contracts-shared';
import { ValuateDto, ValuationIdDto, ValuationOperations, ValuationPageView, ValuationQueryDto, ValuationView } from '@quartier/contracts-valuation';
import { CurrentCaller, HandlesOperation, StaffOnlyGuard } from '@quartier/messaging';
import { ValuationService } from './valuation.service';

@Controller()
@UseGuards(StaffOnlyGuard)
export class ValuationController {
  constructor(private readonly valuations: ValuationService) {}

  @HandlesOperation(ValuationOperations.valuate)
  valuate(@CurrentCaller() caller: OrgCaller, @Payload() dto: ValuateDto): Promise<ValuationView> {
    return this.valuations.valuate(caller, dto);
  }

  @HandlesOperation(ValuationOperations.list)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: ValuationQueryDto): Promise<ValuationPageView> {
    return this.valuations.list(caller, query);
  }

  @HandlesOperation(ValuationOperations.get)
  get(@CurrentCaller() caller: OrgCaller, @Payload() request: ValuationIdDto): Promise<ValuationView> {
    return this.valuations.get(caller, request.id);
  }
}
