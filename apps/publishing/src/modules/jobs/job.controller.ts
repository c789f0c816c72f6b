import { Controller, UseGuards } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { OrgCaller } from '@quartier/contracts-shared';
import { JobIdDto, JobOperations, JobPageView, JobQueryDto, JobView } from '@quartier/contracts-publishing';
import { CurrentCaller, HandlesOperation, StaffOnlyGuard } from '@quartier/messaging';
import { JobService } from './job.service';

@Controller()
@UseGuards(StaffOnlyGuard)
export class JobController {
  constructor(private readonly jobs: JobService) {}

  @HandlesOperation(JobOperations.list)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: JobQueryDto): Promise<JobPageView> {
    return this.jobs.list(caller, query);
  }

  @HandlesOperation(JobOperations.get)
  get(@CurrentCaller() caller: OrgCaller, @Payload() dto: JobIdDto): Promise<JobView> {
    return this.jobs.get(caller, dto.id);
  }
}
