import { EntityManager, In } from 'typeorm';
import type { Channel, JobAction } from '@quartier/contracts-publishing';
import { conflict } from '@quartier/messaging';
import { JobEntity } from './job.entity';

export interface EnqueueRequest {
  organizationId: string;
  listingId: string;
  channel: Channel;
  action: JobAction;
  maxAttempts: number;
  createdBy: string | null;
}

/**
 * One open job per listing and channel. Asking for the same action again returns the open job
 * (a double click publishes once); the opposite action replaces a job still waiting, and must
 * wait while one is running.
 */
export async function enqueueJob(manager: EntityManager, request: EnqueueRequest): Promise<JobEntity> {
  const jobs = manager.getRepository(JobEntity);
  const open = await jobs.findOne({
    where: { organizationId: request.organizationId, listingId: request.listingId, channel: request.channel, status: In(['pending', 'running']) },
    lock: { mode: 'pessimistic_write' },
  });
  if (open?.action === request.action) return open;
  if (open?.status === 'running') throw conflict(`A ${open.action} job for ${request.channel} is running; try again when it has finished`, { jobId: open.id });
  if (open) {
    open.status = 'failed';
    open.lastError = `Replaced by a ${request.action} request`;
    open.finishedAt = new Date();
    await jobs.save(open);
  }
  return jobs.save(
    jobs.create({
      organizationId: request.organizationId,
      listingId: request.listingId,
      channel: request.channel,
      action: request.action,
      status: 'pending',
      attempts: 0,
      maxAttempts: request.maxAttempts,
      runAfter: new Date(),
      createdBy: request.createdBy,
    }),
  );
}
