import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { OrgCaller } from '@quartier/contracts-shared';
import {
  LatestReadingsRequest,
  ReadingAggregateResponse,
  ReadingOperations,
  ReadingPageResponse,
  ReadingQueryDto,
  ReadingResponse,
} from '@quartier/contracts-iot';
import { CurrentCaller, HandlesOperation } from '@quartier/messaging';
import { ReadingsService } from './readings.service';

@Controller()
export class ReadingsController {
  constructor(private readonly readings: ReadingsService) {}

  /** Raw readings, newest first; `deviceId` narrows to one device (404 if not the organization's). */
  @HandlesOperation(ReadingOperations.list)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: ReadingQueryDto): Promise<ReadingPageResponse> {
    return this.readings.list(caller, query);
  }

  @HandlesOperation(ReadingOperations.aggregate)
  aggregate(@CurrentCaller() caller: OrgCaller, @Payload() query: ReadingQueryDto): Promise<ReadingAggregateResponse> {
    return this.readings.aggregate(caller, query);
  }

  @HandlesOperation(ReadingOperations.latest)
  latest(@CurrentCaller() caller: OrgCaller, @Payload() request: LatestReadingsRequest): Promise<ReadingResponse[]> {
    return this.readings.latest(caller, request.id);
  }
}
