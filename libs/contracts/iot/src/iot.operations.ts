import { AlertOperations } from './alert.operations';
import { CommandOperations } from './command.operations';
import { DeviceOperations } from './device.operations';
import { ReadingOperations } from './reading.operations';
import { RuleOperations } from './rule.operations';

/** Every iot operation: what the service answers. */
export const IOT_OPERATIONS = [
  ...Object.values(DeviceOperations),
  ...Object.values(ReadingOperations),
  ...Object.values(CommandOperations),
  ...Object.values(RuleOperations),
  ...Object.values(AlertOperations),
];
