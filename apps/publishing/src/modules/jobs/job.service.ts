import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OrgCaller, orderRecord, pageOf, pageParams } from '@quartier/contracts-shared';
import { JOB_SORT_FIELDS, JobPageView, JobQueryDto, JobView } from '@quartier/contracts-publishing';
import { OrgScopedRepository } from '@quartier/db';
import { allowListedSort, notFound } from '@quartier/messaging';
import { JobEntity } from './job.entity';
import { toJobView } from './job.mapper';

@Injectable()
export class JobService {
  private readonly jobs: OrgScopedRepository<JobEntity>;

  constructor(@Inject(DataSource) dataSource: DataSource) {
    this.jobs = new OrgScopedRepository(JobEntity, dataSource.manager);
  }

  async list(caller: OrgCaller, query: JobQueryDto): Promise<JobPageView> {
    const { page, size } = pageParams(query);
    const order = orderRecord(allowListedSort(query.sort, JOB_SORT_FIELDS, '-createdAt'));
    const [rows, total] = await this.jobs.findPage(caller.organizationId, {
      where: {
        ...(query.status ? { status: query.status } : {}),
        ...(query.channel ? { channel: query.channel } : {}),
        ...(query.action ? { action: query.action } : {}),
        ...(query.listingId ? { listingId: query.listingId } : {}),
      },
      order,
      page,
      size,
    });
    return pageOf(rows.map(toJobView), total, page, size);
  }

  async get(caller: OrgCaller, id: string): Promise<JobView> {
    const row = await this.jobs.findById(caller.organizationId, id);
    if (!row) throw notFound('Job', id);
    return toJobView(row);
  }
}
