import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { OrgCaller, Page } from '@quartier/contracts-shared';
import { CreateRuleDto, IotIdRequest, IotSubjects, RuleListQueryDto, RuleResponse, UpdateRuleRequest } from '@quartier/contracts-iot';
import { CurrentCaller } from '@quartier/messaging';
import { RulesService } from './rules.service';

@Controller()
export class RulesController {
  constructor(private readonly rules: RulesService) {}

  @MessagePattern(IotSubjects.rulesList)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: RuleListQueryDto): Promise<Page<RuleResponse>> {
    return this.rules.list(caller, query);
  }

  @MessagePattern(IotSubjects.rulesGet)
  get(@CurrentCaller() caller: OrgCaller, @Payload() request: IotIdRequest): Promise<RuleResponse> {
    return this.rules.get(caller, request.id);
  }

  @MessagePattern(IotSubjects.rulesCreate)
  create(@CurrentCaller() caller: OrgCaller, @Payload() dto: CreateRuleDto): Promise<RuleResponse> {
    return this.rules.create(caller, dto);
  }

  @MessagePattern(IotSubjects.rulesUpdate)
  update(@CurrentCaller() caller: OrgCaller, @Payload() request: UpdateRuleRequest): Promise<RuleResponse> {
    return this.rules.update(caller, request.id, request.changes);
  }

  @MessagePattern(IotSubjects.rulesDelete)
  async remove(@CurrentCaller() caller: OrgCaller, @Payload() request: IotIdRequest): Promise<{ deleted: true }> {
    await this.rules.remove(caller, request.id);
    return { deleted: true };
  }
}
