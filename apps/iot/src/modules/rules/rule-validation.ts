import { FieldError } from '@quartier/contracts-shared';
import { RuleActionDto, RuleConditionDto, RuleTriggerDto } from '@quartier/contracts-iot';

function requireField(errors: FieldError[], field: string, present: boolean, message: string): void {
  if (!present) errors.push({ field, message });
}

/** The cross-field rules class-validator cannot express: which fields each trigger/condition/action type needs. */
export function validateRuleShape(trigger: RuleTriggerDto, conditions: RuleConditionDto[], actions: RuleActionDto[]): FieldError[] {
  const errors: FieldError[] = [];
  if (trigger.type !== 'schedule') requireField(errors, 'trigger.deviceId', !!trigger.deviceId, `a ${trigger.type} trigger needs deviceId`);
  if (trigger.type === 'threshold') {
    requireField(errors, 'trigger.metric', !!trigger.metric, 'a threshold trigger needs metric');
    requireField(errors, 'trigger.operator', !!trigger.operator, 'a threshold trigger needs operator');
    requireField(errors, 'trigger.value', trigger.value !== undefined, 'a threshold trigger needs value');
  }
  if (trigger.type === 'state') {
    requireField(errors, 'trigger.property', !!trigger.property, 'a state trigger needs property');
    requireField(errors, 'trigger.equals', trigger.equals !== undefined, 'a state trigger needs equals');
  }
  if (trigger.type === 'schedule') requireField(errors, 'trigger.intervalMinutes', !!trigger.intervalMinutes, 'a schedule trigger needs intervalMinutes');
  conditions.forEach((condition, index) => {
    const at = `conditions.${index}`;
    if (condition.type === 'time_window') {
      requireField(errors, `${at}.from`, !!condition.from && !!condition.to, 'a time_window needs from and to');
    } else if (condition.type === 'weekdays') {
      requireField(errors, `${at}.days`, (condition.days ?? []).length > 0, 'weekdays needs days');
    } else {
      requireField(errors, `${at}.metric`, !!condition.metric && !!condition.operator && condition.value !== undefined, 'a metric condition needs metric, operator and value');
      requireField(errors, `${at}.deviceId`, !!condition.deviceId || !!trigger.deviceId, 'a metric condition needs deviceId');
    }
  });
  actions.forEach((action, index) => {
    const at = `actions.${index}`;
    if (action.type === 'command') {
      requireField(errors, `${at}.command`, !!action.command, 'a command action needs command');
      requireField(errors, `${at}.deviceId`, !!action.deviceId || !!trigger.deviceId, 'a command action needs deviceId');
    }
    if (action.type === 'notify') requireField(errors, `${at}.message`, !!action.message, 'a notify action needs message');
    if ((action.type === 'alert' || action.type === 'work_order') && trigger.type === 'schedule') {
      requireField(errors, `${at}.type`, false, `${action.type} actions need a device trigger`);
    }
  });
  return errors;
}
