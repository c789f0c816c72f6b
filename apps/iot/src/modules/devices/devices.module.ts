import { Module } from '@nestjs/common';
import { HomeAssistantModule } from '../home-assistant/home-assistant.module';
import { DeviceDirectory } from './device-directory';
import { DevicesController } from './devices.controller';
import { DevicesService } from './devices.service';

@Module({
  imports: [HomeAssistantModule],
  controllers: [DevicesController],
  providers: [DevicesService, DeviceDirectory],
  exports: [DevicesService, DeviceDirectory],
})
export class DevicesModule {}
