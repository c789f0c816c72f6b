import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { OrgCaller, Page } from '@quartier/contracts-shared';
import {
  IotSubjects,
  LatestReadingsRequest,
  ReadingAggregateResponse,
  ReadingQueryDto,
  ReadingResponse,
} from '@quartier/contracts-iot';
import { CurrentCaller } from '@quartier/messaging';
import { ReadingsService } from './readings.service';

@Controller()
export class ReadingsController {
  constructor(private readonly readings: ReadingsService) {}

  /** Raw readings, newest first; `deviceId` narrows to one device (404 if not the organization's). */
  @MessagePattern(IotSubjects.readingsList)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: ReadingQueryDto): Promise<Page<ReadingResponse>> {
    return this.readings.list(caller, query);
  }

  @MessagePattern(IotSubjects.readingsAggregate)
  aggregate(@CurrentCaller() caller: OrgCaller, @Payload() query: ReadingQueryDto): Promise<ReadingAggregateResponse> {
    return this.readings.aggregate(caller, query);
  }

  @MessagePattern(IotSubjects.readingsLatest)
  latest(@CurrentCaller() caller: OrgCaller, @Payload() request: LatestReadingsRequest): Promise<ReadingResponse[]> {
    return this.readings.latest(caller, request.id);
  }
}
