/** NATS subjects of the iot service (without the deployment prefix). */
export const IotSubjects = {
  devicesList: 'iot.v1.devices.list',
  devicesGet: 'iot.v1.devices.get',
  devicesCreate: 'iot.v1.devices.create',
  devicesUpdate: 'iot.v1.devices.update',
  devicesDelete: 'iot.v1.devices.delete',
  devicesByUnit: 'iot.v1.devices.by-unit',
  readingsList: 'iot.v1.readings.list',
  readingsAggregate: 'iot.v1.readings.aggregate',
  readingsRecord: 'iot.v1.readings.record',
  readingsLatest: 'iot.v1.readings.latest',
  commandsSend: 'iot.v1.commands.send',
  commandsList: 'iot.v1.commands.list',
  commandsGet: 'iot.v1.commands.get',
  rulesList: 'iot.v1.rules.list',
  rulesGet: 'iot.v1.rules.get',
  rulesCreate: 'iot.v1.rules.create',
  rulesUpdate: 'iot.v1.rules.update',
  rulesDelete: 'iot.v1.rules.delete',
  alertsList: 'iot.v1.alerts.list',
  alertsGet: 'iot.v1.alerts.get',
  alertsAcknowledge: 'iot.v1.alerts.acknowledge',
  alertsResolve: 'iot.v1.alerts.resolve',
} as const;

/** Error codes of the iot service, beside the common ones. */
export const IotErrorCode = {
  DEVICE_INACTIVE: 'DEVICE_INACTIVE',
  ALERT_STATE_CONFLICT: 'ALERT_STATE_CONFLICT',
  INVALID_RANGE: 'INVALID_RANGE',
} as const;
