import { Controller, UseGuards } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { OrgCaller } from '@quartier/contracts-shared';
import { JobIdDto, JobPageView, JobQueryDto, JobSubjects, JobView } from '@quartier/contracts-publishing';
import { CurrentCaller, StaffOnlyGuard } from '@quartier/messaging';
import { JobService } from './job.service';

@Controller()
@UseGuards(StaffOnlyGuard)
export class JobController {
  constructor(private readonly jobs: JobService) {}

  @MessagePattern(JobSubjects.list)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: JobQueryDto): Promise<JobPageView> {
    return this.jobs.list(caller, query);
  }

  @MessagePattern(JobSubjects.get)
  get(@CurrentCaller() caller: OrgCaller, @Payload() dto: JobIdDto): Promise<JobView> {
    return this.jobs.get(caller, dto.id);
  }
}
