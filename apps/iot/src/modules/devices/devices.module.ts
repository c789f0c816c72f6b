import { Module } from '@nestjs/common';
import { HomeAssistantModule } from '../home-assistant/home-assistant.module';
import { DeviceDirectory } from './device-directory';
import { DevicePlacement } from './device-placement';
import { DevicesController } from './devices.controller';
import { DevicesService } from './devices.service';

@Module({
  imports: [HomeAssistantModule],
  controllers: [DevicesController],
  providers: [DevicesService, DeviceDirectory, DevicePlacement],
  exports: [DevicesService, DeviceDirectory],
})
export class DevicesModule {}
