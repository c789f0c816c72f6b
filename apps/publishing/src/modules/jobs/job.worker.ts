import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { DataSource, EntityManager } from 'typeorm';
import { Channel, FEED_CHANNELS, FeedChannel, PublishingEvent } from '@quartier/contracts-publishing';
import { OrgScopedRepository, addToOutbox } from '@quartier/db';
import { PUBLISHING_CONFIG, PublishingConfig } from '../../publishing.config';
import { ChannelService } from '../channels/channel.service';
import { SecretBoxError } from '../channels/secret-box';
import { FeedService } from '../feeds/feed.service';
import { documentPictures } from '../listings/document-pictures';
import { ListingEntity } from '../listings/listing.entity';
import { toPortalListing } from '../listings/listing.mapper';
import { PortfolioDirectory } from '../listings/portfolio-directory.service';
import { PublicationEntity } from '../listings/publication.entity';
import { ChannelAdapter } from '../portals/channel-adapter';
import { PortalError } from '../portals/portal-error';
import { httpAdapters } from './channel-adapters';
import { JobEntity } from './job.entity';
import { AttemptFailure, afterFailure } from './retry-policy';

interface Outcome {
  externalId: string | null;
  url: string | null;
}

const isFeedChannel = (channel: Channel): channel is FeedChannel => (FEED_CHANNELS as readonly Channel[]).includes(channel);

/**
 * Runs publishing jobs from the jobs table: replicas claim due jobs with SKIP LOCKED, a job whose
 * worker died is claimed again after JOB_STALE_AFTER_MS, failures are retried with backoff until
 * JOB_MAX_ATTEMPTS, and every outcome lands with its events in one transaction.
 */
@Injectable()
export class JobWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobWorker.name);
  private readonly adapters: Partial<Record<Channel, ChannelAdapter>>;
  private running = false;
  private loops: Promise<void>[] = [];

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PUBLISHING_CONFIG) private readonly config: PublishingConfig,
    private readonly channels: ChannelService,
    private readonly feeds: FeedService,
    private readonly portfolio: PortfolioDirectory,
  ) {
    this.adapters = httpAdapters(config);
  }

  onApplicationBootstrap(): void {
    this.running = true;
    this.loops = Array.from({ length: this.config.JOB_CONCURRENCY }, () => this.loop());
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  private async loop(): Promise<void> {
    while (this.running) {
      let job: JobEntity | null = null;
      try {
        job = await this.claim();
      } catch (error) {
        this.logger.error(`Claiming a publishing job failed: ${(error as Error).message}`);
      }
      if (job) await this.run(job);
      else await new Promise((resolve) => setTimeout(resolve, this.config.JOB_POLL_INTERVAL_MS));
    }
  }

  private async claim(): Promise<JobEntity | null> {
    // Wrapped in a CTE so the driver answers with plain rows, as for a SELECT.
    const rows: { id: string }[] = await this.dataSource.query(
      `WITH claimed AS (
         UPDATE jobs SET status = 'running', attempts = attempts + 1, started_at = now(), updated_at = now()
         WHERE id = (
           SELECT id FROM jobs
           WHERE (status = 'pending' AND run_after <= now()) OR (status = 'running' AND started_at < now() - make_interval(secs => $1::double precision / 1000))
           ORDER BY run_after FOR UPDATE SKIP LOCKED LIMIT 1
         ) RETURNING id
       ) SELECT id FROM claimed`,
      [this.config.JOB_STALE_AFTER_MS],
    );
    if (rows.length === 0) return null;
    return this.dataSource.getRepository(JobEntity).findOneByOrFail({ id: rows[0].id });
  }

  private async run(job: JobEntity): Promise<void> {
    try {
      const outcome = await this.attempt(job);
      await this.dataSource.transaction((manager) => this.succeed(manager, job, outcome));
    } catch (error) {
      const failure = this.describe(error);
      await this.dataSource
        .transaction((manager) => this.failed(manager, job, failure))
        .catch((recordError: Error) => this.logger.error(`Recording the failure of job ${job.id} failed: ${recordError.message}`));
    }
  }

  private async attempt(job: JobEntity): Promise<Outcome> {
    const listing = await new OrgScopedRepository(ListingEntity, this.dataSource.manager).findById(job.organizationId, job.listingId);
    const publication = await new OrgScopedRepository(PublicationEntity, this.dataSource.manager).findOne(job.organizationId, { listingId: job.listingId, channel: job.channel });
    if (!listing || !publication) throw new PortalError('The listing no longer exists', false);
    if (isFeedChannel(job.channel)) {
      const changed = await this.dataSource.transaction((manager) => this.feeds.stage(manager, publication, job.action));
      if (changed) await this.feeds.deliver(job.organizationId, job.channel);
      return { externalId: changed ? listing.id : null, url: null };
    }
    const adapter = this.adapters[job.channel] as ChannelAdapter;
    if (job.action === 'unpublish') {
      if (publication.externalId) {
        const credentials = await this.channels.credentials(job.organizationId, job.channel);
        await adapter.unpublish({ listing: toPortalListing(listing), credentials, externalId: publication.externalId, documentPictures: async () => [] });
      }
      return { externalId: publication.externalId, url: null };
    }
    const credentials = await this.channels.credentials(job.organizationId, job.channel);
    return adapter.publish({ listing: toPortalListing(listing), credentials, externalId: publication.externalId, documentPictures: () => documentPictures(this.portfolio, listing) });
  }

  /** Only the attempt that claimed the job may finish it (a stale claim may have been taken over). */
  private async lockOwn(manager: EntityManager, job: JobEntity): Promise<JobEntity | null> {
    const current = await manager.getRepository(JobEntity).findOne({ where: { id: job.id }, lock: { mode: 'pessimistic_write' } });
    return current && current.status === 'running' && current.attempts === job.attempts ? current : null;
  }

  private async succeed(manager: EntityManager, claimed: JobEntity, outcome: Outcome): Promise<void> {
    const job = await this.lockOwn(manager, claimed);
    if (!job) return;
    const publishing = job.action === 'publish';
    Object.assign(job, { status: publishing ? 'published' : 'withdrawn', finishedAt: new Date(), lastError: null, externalId: outcome.externalId, url: outcome.url });
    await manager.save(job);
    const publications = new OrgScopedRepository(PublicationEntity, manager);
    const publication = await publications.findOne(job.organizationId, { listingId: job.listingId, channel: job.channel });
    if (publication) {
      Object.assign(publication, publishing
        ? { status: 'published', externalId: outcome.externalId, url: outcome.url, publishedAt: new Date(), lastError: null }
        : { status: 'withdrawn', url: null, lastError: null });
      await publications.save(job.organizationId, publication);
    }
    const listings = new OrgScopedRepository(ListingEntity, manager);
    const listing = await listings.findById(job.organizationId, job.listingId);
    if (listing && publishing && listing.status === 'draft') await listings.save(job.organizationId, Object.assign(listing, { status: 'published' }));
    if (listing && !publishing && listing.status === 'published' && !(await publications.exists(job.organizationId, { listingId: job.listingId, status: 'published' }))) {
      await listings.save(job.organizationId, Object.assign(listing, { status: 'draft' }));
    }
    await addToOutbox(manager, job.organizationId, publishing ? PublishingEvent.PUBLISHED : PublishingEvent.WITHDRAWN, {
      listingId: job.listingId,
      jobId: job.id,
      channel: job.channel,
      ...(publishing ? { externalId: outcome.externalId, url: outcome.url } : {}),
    });
  }

  private async failed(manager: EntityManager, claimed: JobEntity, failure: AttemptFailure): Promise<void> {
    const job = await this.lockOwn(manager, claimed);
    if (!job) return;
    const next = afterFailure(job.attempts, job.maxAttempts, failure, { backoffMs: this.config.JOB_BACKOFF_MS, backoffMaxMs: this.config.JOB_BACKOFF_MAX_MS });
    job.lastError = failure.message;
    if ('retryInMs' in next) Object.assign(job, { status: 'pending', runAfter: new Date(Date.now() + next.retryInMs) });
    else Object.assign(job, { status: 'failed', finishedAt: new Date() });
    await manager.save(job);
    const publications = new OrgScopedRepository(PublicationEntity, manager);
    const publication = await publications.findOne(job.organizationId, { listingId: job.listingId, channel: job.channel });
    if (publication) {
      publication.lastError = failure.message;
      if ('fail' in next && job.action === 'publish' && publication.status !== 'published') publication.status = 'failed';
      await publications.save(job.organizationId, publication);
    }
    if ('fail' in next) {
      this.logger.warn(`Job ${job.id} (${job.action} ${job.channel}) failed after ${job.attempts} attempt(s): ${failure.message}`);
      await addToOutbox(manager, job.organizationId, PublishingEvent.FAILED, { listingId: job.listingId, jobId: job.id, channel: job.channel, attempts: job.attempts, error: failure.message });
    }
  }

  /** The portal's words for the agent; our own faults stay in the logs. */
  private describe(error: unknown): AttemptFailure {
    if (error instanceof PortalError) return { message: error.message, retryable: error.retryable };
    if (error instanceof SecretBoxError) return { message: error.message, retryable: false };
    if (error instanceof RpcException) {
      const body = error.getError() as { message?: string; status?: number };
      return { message: body.message ?? 'Request failed', retryable: body.status === undefined || body.status >= 500 };
    }
    this.logger.error(`Publishing job attempt failed: ${(error as Error).stack ?? String(error)}`);
    return { message: 'Internal error while publishing; it is retried', retryable: true };
  }
}
