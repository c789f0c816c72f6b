import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { OrgCaller } from '@quartier/contracts-shared';
import { ReadingOperations, RecordReadingsDto, RecordReadingsResponse } from '@quartier/contracts-iot';
import { CurrentCaller, HandlesOperation } from '@quartier/messaging';
import { IngestionService } from './ingestion.service';

/** Readings from devices that speak HTTP (through the gateway) rather than MQTT. */
@Controller()
export class IngestionController {
  constructor(private readonly ingestion: IngestionService) {}

  @HandlesOperation(ReadingOperations.record)
  record(@CurrentCaller() caller: OrgCaller, @Payload() dto: RecordReadingsDto): Promise<RecordReadingsResponse> {
    return this.ingestion.record(caller, dto);
  }
}
