import { FieldError } from '@quartier/contracts-shared';
import { RuleActionDto, RuleConditionDto, RuleTriggerDto } from '@quartier/contracts-iot';

function require(errors: FieldError[], field: string, present: boolean, message: string): void {
  if (!present) errors.push({ field, message });
}

/** The cross-field rules class-validator cannot express: which fields each trigger/condition/action type needs. */
export function validateRuleShape(trigger: RuleTriggerDto, conditions: RuleConditionDto[], actions: RuleActionDto[]): FieldError[] {
  const errors: FieldError[] = [];
  if (trigger.type !== 'schedule') require(errors, 'trigger.deviceId', !!trigger.deviceId, `a ${trigger.type} trigger needs deviceId`);
  if (trigger.type === 'threshold') {
    require(errors, 'trigger.metric', !!trigger.metric, 'a threshold trigger needs metric');
    require(errors, 'trigger.operator', !!trigger.operator, 'a threshold trigger needs operator');
    require(errors, 'trigger.value', trigger.value !== undefined, 'a threshold trigger needs value');
  }
  if (trigger.type === 'state') {
    require(errors, 'trigger.property', !!trigger.property, 'a state trigger needs property');
    require(errors, 'trigger.equals', trigger.equals !== undefined, 'a state trigger needs equals');
  }
  if (trigger.type === 'schedule') require(errors, 'trigger.intervalMinutes', !!trigger.intervalMinutes, 'a schedule trigger needs intervalMinutes');
  conditions.forEach((condition, index) => {
    const at = `conditions.${index}`;
    if (condition.type === 'time_window') {
      require(errors, `${at}.from`, !!condition.from && !!condition.to, 'a time_window needs from and to');
    } else if (condition.type === 'weekdays') {
      require(errors, `${at}.days`, (condition.days ?? []).length > 0, 'weekdays needs days');
    } else {
      require(errors, `${at}.metric`, !!condition.metric && !!condition.operator && condition.value !== undefined, 'a metric condition needs metric, operator and value');
      require(errors, `${at}.deviceId`, !!condition.deviceId || !!trigger.deviceId, 'a metric condition needs deviceId');
    }
  });
  actions.forEach((action, index) => {
    const at = `actions.${index}`;
    if (action.type === 'command') {
      require(errors, `${at}.command`, !!action.command, 'a command action needs command');
      require(errors, `${at}.deviceId`, !!action.deviceId || !!trigger.deviceId, 'a command action needs deviceId');
    }
    if (action.type === 'notify') require(errors, `${at}.message`, !!action.message, 'a notify action needs message');
    if ((action.type === 'alert' || action.type === 'work_order') && trigger.type === 'schedule') {
      require(errors, `${at}.type`, false, `${action.type} actions need a device trigger`);
    }
  });
  return errors;
}
