import { Module } from '@nestjs/common';
import { DevicesModule } from '../devices/devices.module';
import { ReadingWriter } from './reading-writer';
import { ReadingsController } from './readings.controller';
import { ReadingsService } from './readings.service';

@Module({ imports: [DevicesModule], controllers: [ReadingsController], providers: [ReadingsService, ReadingWriter], exports: [ReadingWriter] })
export class ReadingsModule {}
