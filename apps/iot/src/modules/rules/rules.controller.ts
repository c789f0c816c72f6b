import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { OrgCaller } from '@quartier/contracts-shared';
import {
  CreateRuleDto,
  IotDeletedResponse,
  IotIdRequest,
  ReplaceRuleRequest,
  RuleListQueryDto,
  RuleOperations,
  RulePageResponse,
  RuleResponse,
  UpdateRuleRequest,
} from '@quartier/contracts-iot';
import { CurrentCaller, HandlesOperation } from '@quartier/messaging';
import { RulesService } from './rules.service';

@Controller()
export class RulesController {
  constructor(private readonly rules: RulesService) {}

  @HandlesOperation(RuleOperations.list)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: RuleListQueryDto): Promise<RulePageResponse> {
    return this.rules.list(caller, query);
  }

  @HandlesOperation(RuleOperations.get)
  get(@CurrentCaller() caller: OrgCaller, @Payload() request: IotIdRequest): Promise<RuleResponse> {
    return this.rules.get(caller, request.id);
  }

  @HandlesOperation(RuleOperations.create)
  create(@CurrentCaller() caller: OrgCaller, @Payload() dto: CreateRuleDto): Promise<RuleResponse> {
    return this.rules.create(caller, dto);
  }

  /** PUT: the request was checked as a whole rule; it is applied like an update of every field it names. */
  @HandlesOperation(RuleOperations.replace)
  replace(@CurrentCaller() caller: OrgCaller, @Payload() request: ReplaceRuleRequest): Promise<RuleResponse> {
    const { id, ...rule } = request;
    return this.rules.update(caller, id, rule);
  }

  @HandlesOperation(RuleOperations.update)
  update(@CurrentCaller() caller: OrgCaller, @Payload() request: UpdateRuleRequest): Promise<RuleResponse> {
    const { id, ...changes } = request;
    return this.rules.update(caller, id, changes);
  }

  @HandlesOperation(RuleOperations.delete)
  async remove(@CurrentCaller() caller: OrgCaller, @Payload() request: IotIdRequest): Promise<IotDeletedResponse> {
    await this.rules.remove(caller, request.id);
    return { deleted: true };
  }
}
