import { Module } from '@nestjs/common';
import { DevicesModule } from '../devices/devices.module';
import { CommandsController } from './commands.controller';
import { CommandsService } from './commands.service';

@Module({ imports: [DevicesModule], controllers: [CommandsController], providers: [CommandsService], exports: [CommandsService] })
export class CommandsModule {}
