import { Module } from '@nestjs/common';
import { IotAlertsController, IotRulesController } from './iot-automation.controller';
import { IotDevicesController } from './iot-devices.controller';
import { IotCommandsController, IotSensorReadingsController } from './iot-sensors.controller';

/** /api/v1/iot routes of the iot service. */
@Module({ controllers: [IotDevicesController, IotSensorReadingsController, IotCommandsController, IotRulesController, IotAlertsController] })
export class IotRoutesModule {}
