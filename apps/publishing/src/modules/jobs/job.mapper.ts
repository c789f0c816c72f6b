import type { JobView } from '@quartier/contracts-publishing';
import { JobEntity } from './job.entity';

export function toJobView(row: JobEntity): JobView {
  return {
    id: row.id,
    listingId: row.listingId,
    channel: row.channel,
    action: row.action,
    status: row.status,
    attempts: row.attempts,
    maxAttempts: row.maxAttempts,
    lastError: row.lastError,
    externalId: row.externalId,
    url: row.url,
    runAfter: row.runAfter.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
