import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { CommandsModule } from '../commands/commands.module';
import { DevicesModule } from '../devices/devices.module';
import { ReadingsModule } from '../readings/readings.module';
import { RulesModule } from '../rules/rules.module';
import { ConnectivityService } from './connectivity.service';
import { IngestionController } from './ingestion.controller';
import { IngestionService } from './ingestion.service';
import { MaintenanceService } from './maintenance.service';

@Module({
  imports: [AlertsModule, CommandsModule, DevicesModule, ReadingsModule, RulesModule],
  controllers: [IngestionController],
  providers: [IngestionService, ConnectivityService, MaintenanceService],
  exports: [MaintenanceService],
})
export class IngestionModule {}
