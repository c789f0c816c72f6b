import { subjectsOf } from '@quartier/contracts-shared';
import { AlertOperations } from './alert.operations';
import { CommandOperations } from './command.operations';
import { DeviceOperations } from './device.operations';
import { ReadingOperations } from './reading.operations';
import { RuleOperations } from './rule.operations';

/** NATS subjects of the iot service (without the deployment prefix), read off the operation descriptors. */
export const IotSubjects = subjectsOf({
  devicesList: DeviceOperations.list,
  devicesGet: DeviceOperations.get,
  devicesCreate: DeviceOperations.create,
  devicesReplace: DeviceOperations.replace,
  devicesUpdate: DeviceOperations.update,
  devicesDelete: DeviceOperations.delete,
  devicesByUnit: DeviceOperations.byUnit,
  readingsList: ReadingOperations.list,
  readingsAggregate: ReadingOperations.aggregate,
  readingsRecord: ReadingOperations.record,
  readingsLatest: ReadingOperations.latest,
  commandsSend: CommandOperations.send,
  commandsList: CommandOperations.list,
  commandsGet: CommandOperations.get,
  rulesList: RuleOperations.list,
  rulesGet: RuleOperations.get,
  rulesCreate: RuleOperations.create,
  rulesReplace: RuleOperations.replace,
  rulesUpdate: RuleOperations.update,
  rulesDelete: RuleOperations.delete,
  alertsList: AlertOperations.list,
  alertsGet: AlertOperations.get,
  alertsAcknowledge: AlertOperations.acknowledge,
  alertsResolve: AlertOperations.resolve,
});
