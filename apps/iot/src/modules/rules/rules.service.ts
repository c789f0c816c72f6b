import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FieldError, OrgCaller, Page, pageOf, pageParams } from '@quartier/contracts-shared';
import { CreateRuleDto, RuleListQueryDto, RuleResponse, UpdateRuleDto } from '@quartier/contracts-iot';
import { OrgScopedRepository } from '@quartier/db';
import { notFound, validationFailed } from '@quartier/messaging';
import { DeviceEntity } from '../devices/device.entity';
import { sortOrder } from '../sorting';
import { RuleEntity } from './rule.entity';
import { validateRuleShape } from './rule-validation';

const SORTABLE = { name: 'name', createdAt: 'created_at', lastFiredAt: 'last_fired_at' } as const;

function toResponse(rule: RuleEntity): RuleResponse {
  return {
    id: rule.id,
    name: rule.name,
    description: rule.description,
    enabled: rule.enabled,
    trigger: rule.trigger,
    conditions: rule.conditions,
    actions: rule.actions,
    firing: rule.firing,
    lastFiredAt: rule.lastFiredAt?.toISOString() ?? null,
    fireCount: rule.fireCount,
    createdAt: rule.createdAt.toISOString(),
    updatedAt: rule.updatedAt.toISOString(),
  };
}

/** Class instances from the validation pipe become plain JSON for the jsonb columns. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

@Injectable()
export class RulesService {
  private readonly rules: OrgScopedRepository<RuleEntity>;
  private readonly devices: OrgScopedRepository<DeviceEntity>;

  constructor(dataSource: DataSource) {
    this.rules = new OrgScopedRepository(RuleEntity, dataSource.manager);
    this.devices = new OrgScopedRepository(DeviceEntity, dataSource.manager);
  }

  async list(caller: OrgCaller, query: RuleListQueryDto): Promise<Page<RuleResponse>> {
    const { page, size, offset } = pageParams(query);
    const builder = this.rules.query(caller.organizationId, 'r');
    if (query.deviceId) builder.andWhere('r.trigger_device_id = :deviceId', { deviceId: query.deviceId });
    if (query.triggerType) builder.andWhere('r.trigger_type = :triggerType', { triggerType: query.triggerType });
    for (const [column, direction] of sortOrder(query.sort, SORTABLE, '-createdAt')) builder.addOrderBy(`r.${column}`, direction);
    const [items, total] = await builder.skip(offset).take(size).getManyAndCount();
    return pageOf(items.map(toResponse), total, page, size);
  }

  async get(caller: OrgCaller, id: string): Promise<RuleResponse> {
    return toResponse(await this.load(caller.organizationId, id));
  }

  async create(caller: OrgCaller, dto: CreateRuleDto): Promise<RuleResponse> {
    const conditions = dto.conditions ?? [];
    await this.validate(caller.organizationId, dto.trigger, conditions, dto.actions);
    const rule = await this.rules.insert(caller.organizationId, {
      name: dto.name,
      description: dto.description ?? null,
      enabled: dto.enabled ?? true,
      triggerType: dto.trigger.type,
      triggerDeviceId: dto.trigger.deviceId ?? null,
      trigger: plain(dto.trigger),
      conditions: plain(conditions),
      actions: plain(dto.actions),
    });
    return toResponse(rule);
  }

  async update(caller: OrgCaller, id: string, changes: UpdateRuleDto): Promise<RuleResponse> {
    const rule = await this.load(caller.organizationId, id);
    const trigger = changes.trigger ? plain(changes.trigger) : rule.trigger;
    const conditions = changes.conditions ? plain(changes.conditions) : rule.conditions;
    const actions = changes.actions ? plain(changes.actions) : rule.actions;
    await this.validate(caller.organizationId, trigger, conditions, actions);
    if (changes.trigger) {
      // A new trigger starts from scratch: it has not fired yet.
      rule.firing = false;
      rule.pendingSince = null;
    }
    Object.assign(rule, {
      name: changes.name ?? rule.name,
      description: changes.description ?? rule.description,
      enabled: changes.enabled ?? rule.enabled,
      triggerType: trigger.type,
      triggerDeviceId: trigger.deviceId ?? null,
      trigger,
      conditions,
      actions,
    });
    return toResponse(await this.rules.save(caller.organizationId, rule));
  }

  async remove(caller: OrgCaller, id: string): Promise<void> {
    if (!(await this.rules.deleteById(caller.organizationId, id))) throw notFound('Rule', id);
  }

  private async load(organizationId: string, id: string): Promise<RuleEntity> {
    const rule = await this.rules.findById(organizationId, id);
    if (!rule) throw notFound('Rule', id);
    return rule;
  }

  /** Shape first, then every device the rule names must be one of the organization's. */
  private async validate(organizationId: string, trigger: CreateRuleDto['trigger'], conditions: NonNullable<CreateRuleDto['conditions']>, actions: CreateRuleDto['actions']): Promise<void> {
    const errors: FieldError[] = validateRuleShape(trigger, conditions, actions);
    const named: [string, string | undefined][] = [
      ['trigger.deviceId', trigger.deviceId],
      ...conditions.map((condition, index): [string, string | undefined] => [`conditions.${index}.deviceId`, condition.deviceId]),
      ...actions.map((action, index): [string, string | undefined] => [`actions.${index}.deviceId`, action.deviceId]),
    ];
    for (const [field, deviceId] of named) {
      if (deviceId && !(await this.devices.exists(organizationId, { id: deviceId }))) errors.push({ field, message: `device ${deviceId} not found` });
    }
    if (errors.length > 0) throw validationFailed(errors);
  }
}
