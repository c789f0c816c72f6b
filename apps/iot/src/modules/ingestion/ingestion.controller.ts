import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { OrgCaller } from '@quartier/contracts-shared';
import { IotSubjects, RecordReadingsDto, RecordReadingsResponse } from '@quartier/contracts-iot';
import { CurrentCaller } from '@quartier/messaging';
import { IngestionService } from './ingestion.service';

/** Readings from devices that speak HTTP (through the gateway) rather than MQTT. */
@Controller()
export class IngestionController {
  constructor(private readonly ingestion: IngestionService) {}

  @MessagePattern(IotSubjects.readingsRecord)
  record(@CurrentCaller() caller: OrgCaller, @Payload() dto: RecordReadingsDto): Promise<RecordReadingsResponse> {
    return this.ingestion.record(caller, dto);
  }
}
