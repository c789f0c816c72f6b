import { Module } from '@nestjs/common';
import { AlertOperations, CommandOperations, RuleOperations } from '@quartier/contracts-iot';
import { OperationClient } from '@quartier/messaging';
import { operationController } from '../../operations/operation-routes.factory';
import { IotDevicesController } from './iot-devices.controller';
import { IotSensorReadingsController } from './iot-sensors.controller';

/* Generated from the iot operation descriptors; the route names keep the operationIds clients already use. */
const IotCommandsController = operationController('IotCommandsController', { list: CommandOperations.list, get: CommandOperations.get });

const IotRulesController = operationController('IotRulesController', {
  list: RuleOperations.list,
  create: RuleOperations.create,
  get: RuleOperations.get,
  replace: RuleOperations.replace,
  update: RuleOperations.update,
  remove: RuleOperations.delete,
});

const IotAlertsController = operationController('IotAlertsController', {
  list: AlertOperations.list,
  get: AlertOperations.get,
  acknowledge: AlertOperations.acknowledge,
  resolve: AlertOperations.resolve,
});

/** /api/v1/iot routes of the iot service: devices, readings, commands, automation rules, alerts. */
@Module({
  controllers: [IotDevicesController, IotSensorReadingsController, IotCommandsController, IotRulesController, IotAlertsController],
  providers: [OperationClient],
})
export class IotRoutesModule {}
