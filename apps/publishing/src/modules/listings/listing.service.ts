import { Inject, Injectable } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import { OrgCaller, RpcErrorBody, orderRecord, pageOf, pageParams } from '@quartier/contracts-shared';
import {
  CHANNELS,
  Channel,
  CreateListingDto,
  JobListView,
  LISTING_SORT_FIELDS,
  ListingEnergyCertificateDto,
  ListingPageView,
  ListingQueryDto,
  ListingReadinessView,
  ListingView,
  PublishListingMessageDto,
  PublishingErrorCode,
  UnpublishListingMessageDto,
  UpdateListingMessageDto,
} from '@quartier/contracts-publishing';
import type { PropertyResponse } from '@quartier/contracts-portfolio';
import { OrgScopedRepository } from '@quartier/db';
import { allowListedSort, notFound, rpcError, validationFailed } from '@quartier/messaging';
import { PUBLISHING_CONFIG, PublishingConfig } from '../../publishing.config';
import { ChannelService } from '../channels/channel.service';
import { enqueueJob } from '../jobs/job-queue';
import { JobEntity } from '../jobs/job.entity';
import { toJobView } from '../jobs/job.mapper';
import { RESIDENTIAL_OBJECT, missingByChannel, missingForChannel } from './listing-requirements';
import { ListingEntity } from './listing.entity';
import { objectSnapshot, toListingView } from './listing.mapper';
import { PublicationEntity } from './publication.entity';
import { PortfolioDirectory } from './portfolio-directory.service';

/** Fields every listing has: an update may change them, not null them (the others accept null to clear). */
@Injectable()
export class ListingService {
  private readonly listings: OrgScopedRepository<ListingEntity>;
  private readonly publications: OrgScopedRepository<PublicationEntity>;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PUBLISHING_CONFIG) private readonly config: PublishingConfig,
    private readonly portfolio: PortfolioDirectory,
    private readonly channels: ChannelService,
  ) {
    this.listings = new OrgScopedRepository(ListingEntity, dataSource.manager);
    this.publications = new OrgScopedRepository(PublicationEntity, dataSource.manager);
  }

  async create(caller: OrgCaller, dto: CreateListingDto): Promise<ListingView> {
    const property = await this.portfolio.property(caller, dto.propertyId);
    const unit = dto.unitId ? await this.portfolio.unit(caller, dto.unitId) : null;
    if (unit && unit.propertyId !== property.id) throw validationFailed([{ field: 'unitId', message: `unit ${unit.id} is not in property ${property.id}` }]);
    const { propertyId, unitId, energyCertificate, ...marketing } = dto;
    const saved = await this.listings.insert(caller.organizationId, {
      propertyId,
      unitId: unitId ?? null,
      status: 'draft',
      marketingType: marketing.marketingType,
      title: marketing.title,
      description: marketing.description ?? null,
      priceCents: marketing.priceCents ?? (marketing.marketingType === 'rent' ? (unit?.targetRent?.amountCents ?? null) : null),
      currency: marketing.currency ?? unit?.targetRent?.currency ?? 'EUR',
      additionalCostsCents: marketing.additionalCostsCents ?? null,
      heatingCostsCents: marketing.heatingCostsCents ?? null,
      depositCents: marketing.depositCents ?? null,
      commission: marketing.commission ?? null,
      livingArea: marketing.livingArea ?? unit?.area ?? property.livingArea,
      rooms: marketing.rooms ?? unit?.rooms ?? property.rooms,
      energyCertificate: energyCertificate ?? certificateFromPortfolio(property),
      features: marketing.features ?? [...new Set([...(unit?.features ?? []), ...property.amenities])],
      contact: marketing.contact ?? null,
      images: marketing.images ?? [],
      object: objectSnapshot(property, unit),
      createdBy: caller.userId ?? null,
    });
    return toListingView(saved, []);
  }

  async list(caller: OrgCaller, query: ListingQueryDto): Promise<ListingPageView> {
    const { page, size } = pageParams(query);
    const order = orderRecord(allowListedSort(query.sort, LISTING_SORT_FIELDS, '-createdAt'));
    const [rows, total] = await this.listings.findPage(caller.organizationId, {
      where: {
        ...(query.status ? { status: query.status } : {}),
        ...(query.propertyId ? { propertyId: query.propertyId } : {}),
        ...(query.unitId ? { unitId: query.unitId } : {}),
      },
      order,
      page,
      size,
    });
    const publications = rows.length ? await this.publications.find(caller.organizationId, { listingId: In(rows.map((row) => row.id)) }) : [];
    return pageOf(
      rows.map((row) => toListingView(row, publications.filter((publication) => publication.listingId === row.id))),
      total,
      page,
      size,
    );
  }

  async get(caller: OrgCaller, id: string): Promise<ListingView> {
    const row = await this.find(caller.organizationId, id);
    return toListingView(row, await this.publications.find(caller.organizationId, { listingId: id }));
  }

  /** Channels the listing is published on get the change through a publish job each (an update must keep it complete for them). */
  async update(caller: OrgCaller, dto: UpdateListingMessageDto): Promise<ListingView> {
    const { id, ...change } = dto;
    const row = await this.find(caller.organizationId, id);
    for (const [key, value] of Object.entries(change)) {
      if (value !== undefined) Object.assign(row, { [key]: value });
    }
    const live = (await this.publications.find(caller.organizationId, { listingId: id, status: 'published' })).map((publication) => publication.channel);
    const missing = missingByChannel(live, row);
    if (Object.keys(missing).length > 0) throw incomplete(missing, 'The change would leave the listing without what');
    const saved = await this.dataSource.transaction(async (manager) => {
      await lockListing(manager, caller.organizationId, id);
      const updated = await this.listings.withManager(manager).save(caller.organizationId, row);
      const withdrawing = await manager.getRepository(JobEntity).find({ where: { listingId: id, action: 'unpublish', status: In(['pending', 'running']) } });
      for (const channel of live.filter((candidate) => !withdrawing.some((job) => job.channel === candidate))) {
        await enqueueJob(manager, { organizationId: caller.organizationId, listingId: id, channel, action: 'publish', maxAttempts: this.config.JOB_MAX_ATTEMPTS, createdBy: caller.userId ?? null });
      }
      return updated;
    });
    return toListingView(saved, await this.publications.find(caller.organizationId, { listingId: id }));
  }

  async delete(caller: OrgCaller, id: string): Promise<{ deleted: true }> {
    await this.find(caller.organizationId, id);
    const live = await this.publications.find(caller.organizationId, { listingId: id, status: In(['published', 'pending']) });
    if (live.length > 0) {
      throw rpcError(409, PublishingErrorCode.LISTING_STATE, `The listing is still on ${live.map((row) => row.channel).join(', ')}: unpublish it first`, {
        channels: live.map((row) => row.channel),
      });
    }
    await this.listings.deleteById(caller.organizationId, id);
    return { deleted: true };
  }

  async readiness(caller: OrgCaller, id: string): Promise<ListingReadinessView> {
    const row = await this.find(caller.organizationId, id);
    return { channels: CHANNELS.map((channel) => ({ channel, ...readinessOf(missingForChannel(channel, row)) })) };
  }

  async publish(caller: OrgCaller, dto: PublishListingMessageDto): Promise<JobListView> {
    const row = await this.find(caller.organizationId, dto.id);
    if (row.status === 'withdrawn') {
      throw rpcError(409, PublishingErrorCode.LISTING_STATE, `The listing was withdrawn${row.withdrawnReason ? ` (${row.withdrawnReason})` : ''}: create a new listing to market the object again`);
    }
    const missing = missingByChannel(dto.channels, row);
    if (Object.keys(missing).length > 0) throw incomplete(missing, 'The listing lacks what');
    const unusable = await this.channels.unusable(caller.organizationId, dto.channels);
    if (unusable.length > 0) {
      throw rpcError(422, PublishingErrorCode.CHANNEL_NOT_CONFIGURED, `Not configured or disabled for your organization: ${unusable.join(', ')} (an owner or admin sets them up under /publishing/channels)`, {
        channels: unusable,
      });
    }
    const jobs = await this.dataSource.transaction(async (manager) => {
      await lockListing(manager, caller.organizationId, row.id);
      const created = [];
      for (const channel of dto.channels) {
        await this.markPending(manager, caller.organizationId, row.id, channel);
        created.push(await enqueueJob(manager, { organizationId: caller.organizationId, listingId: row.id, channel, action: 'publish', maxAttempts: this.config.JOB_MAX_ATTEMPTS, createdBy: caller.userId ?? null }));
      }
      return created;
    });
    return { items: jobs.map(toJobView) };
  }

  async unpublish(caller: OrgCaller, dto: UnpublishListingMessageDto): Promise<JobListView> {
    await this.find(caller.organizationId, dto.id);
    const jobs = await this.dataSource.transaction((manager) => this.withdraw(manager, caller.organizationId, dto.id, dto.channels, caller.userId ?? null));
    return { items: jobs.map(toJobView) };
  }

  /** A unit was rented: its listings are withdrawn from every channel and cannot be published again. */
  async withdrawForUnit(manager: EntityManager, organizationId: string, unitId: string, reason: string): Promise<number> {
    const listings = await this.listings.withManager(manager).find(organizationId, { unitId, status: Not('withdrawn') });
    for (const listing of listings) {
      listing.status = 'withdrawn';
      listing.withdrawnReason = reason;
      await this.listings.withManager(manager).save(organizationId, listing);
      await this.withdraw(manager, organizationId, listing.id, undefined, null);
    }
    return listings.length;
  }

  private async withdraw(manager: EntityManager, organizationId: string, listingId: string, channels: Channel[] | undefined, createdBy: string | null) {
    await lockListing(manager, organizationId, listingId);
    const live = await this.publications.withManager(manager).find(organizationId, { listingId, status: In(['published', 'pending', 'failed']) });
    const targets = live.filter((publication) => !channels || channels.includes(publication.channel));
    const jobs = [];
    for (const publication of targets) {
      jobs.push(await enqueueJob(manager, { organizationId, listingId, channel: publication.channel, action: 'unpublish', maxAttempts: this.config.JOB_MAX_ATTEMPTS, createdBy }));
    }
    return jobs;
  }

  private async markPending(manager: EntityManager, organizationId: string, listingId: string, channel: Channel): Promise<void> {
    const publications = this.publications.withManager(manager);
    const existing = await publications.findOne(organizationId, { listingId, channel });
    if (!existing) {
      await publications.insert(organizationId, { listingId, channel, status: 'pending', feedPending: false });
    } else if (existing.status !== 'published') {
      existing.status = 'pending';
      await publications.save(organizationId, existing);
    }
  }

  private async find(organizationId: string, id: string): Promise<ListingEntity> {
    const row = await this.listings.findById(organizationId, id);
    if (!row) throw notFound('Listing', id);
    return row;
  }
}

/** 422 naming, per channel, what the listing lacks. */
function incomplete(missing: Partial<Record<Channel, string[]>>, lead: string): RpcException {
  const channels = Object.keys(missing);
  return new RpcException({
    status: 422,
    code: PublishingErrorCode.LISTING_INCOMPLETE,
    message: `${lead} ${channels.join(', ')} require${channels.length === 1 ? 's' : ''}`,
    details: { missing },
    errors: Object.entries(missing).flatMap(([channel, fields]) =>
      fields.map((field) => ({ field, message: field === RESIDENTIAL_OBJECT ? `${channel} takes apartments and houses only` : `${channel} requires ${field}` })),
    ),
  } satisfies RpcErrorBody);
}

/** Publish and unpublish requests of one listing queue one after the other (a double click finds the first one's job). */
async function lockListing(manager: EntityManager, organizationId: string, id: string): Promise<void> {
  await manager.query('SELECT id FROM listings WHERE id = $1 AND organization_id = $2 FOR UPDATE', [id, organizationId]);
}

function readinessOf(missing: string[]): { ready: boolean; missing: string[] } {
  return { ready: missing.length === 0, missing };
}

/** The Energieausweis as portfolio keeps it, with the building's year. */
function certificateFromPortfolio(property: PropertyResponse): ListingEnergyCertificateDto | null {
  const certificate = property.energyCertificate;
  if (!certificate) return null;
  return {
    type: certificate.type,
    value: certificate.value,
    energyClass: certificate.energyClass,
    validUntil: certificate.validUntil,
    heatingSource: certificate.primaryEnergySource,
    constructionYear: property.yearBuilt ?? undefined,
  };
}

