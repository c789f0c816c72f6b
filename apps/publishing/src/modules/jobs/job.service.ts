import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OrgCaller, pageOf } from '@quartier/contracts-shared';
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
    const page = query.page ?? 1;
    const size = query.size ?? 20;
    const sort = allowListedSort(query.sort, JOB_SORT_FIELDS);
    const order = sort.length > 0 ? { ...Object.fromEntries(sort.map((field) => [field.field, field.direction])), id: 'ASC' as const } : { createdAt: 'DESC' as const, id: 'ASC' as const };
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
