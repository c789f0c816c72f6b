import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import JSZip from 'jszip';
import { DataSource, EntityManager, In, LessThanOrEqual } from 'typeorm';
import { OrgCaller } from '@quartier/contracts-shared';
import { FeedChannel, FeedDeliveryView, FeedMode, FeedQueryDto, FeedView, PublishingErrorCode } from '@quartier/contracts-publishing';
import { OrgScopedRepository } from '@quartier/db';
import { rpcError } from '@quartier/messaging';
import { PUBLISHING_CONFIG, PublishingConfig } from '../../publishing.config';
import { ChannelService } from '../channels/channel.service';
import { ListingEntity } from '../listings/listing.entity';
import { toPortalListing } from '../listings/listing.mapper';
import { PublicationEntity } from '../listings/publication.entity';
import { readDocumentPicture } from '../listings/document-pictures';
import { PortfolioDirectory } from '../listings/portfolio-directory.service';
import { FeedAction, FeedAttachment, FeedListing, buildOpenImmoFeed } from '../portals/openimmo-feed';
import { PortalError } from '../portals/portal-error';
import { uploadFeed } from './feed-upload';

const PORTAL_NAMES: Record<FeedChannel, string> = { immowelt: 'Immowelt', kleinanzeigen: 'Kleinanzeigen' };

interface BuiltFeed {
  xml: string;
  files: { name: string; bytes: Buffer }[];
  publicationIds: string[];
}

/** OpenImmo feeds per organization and portal: downloadable, and delivered as ZIP (XML + pictures) over FTP. */
@Injectable()
export class FeedService {
  private readonly logger = new Logger(FeedService.name);
  private readonly listings: OrgScopedRepository<ListingEntity>;
  private readonly publications: OrgScopedRepository<PublicationEntity>;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PUBLISHING_CONFIG) private readonly config: PublishingConfig,
    private readonly channels: ChannelService,
    private readonly portfolio: PortfolioDirectory,
  ) {
    this.listings = new OrgScopedRepository(ListingEntity, dataSource.manager);
    this.publications = new OrgScopedRepository(PublicationEntity, dataSource.manager);
  }

  /** The feed as the portal would get it now: full (every published listing) or delta (changes not yet delivered). */
  async download(caller: OrgCaller, query: FeedQueryDto): Promise<FeedView> {
    const mode = query.mode ?? 'full';
    const credentials = await this.channels.credentials(caller.organizationId, query.channel);
    const built = await this.build(caller.organizationId, query.channel, credentials.settings, mode, null);
    return { filename: `openimmo-${query.channel}-${mode}.xml`, content: built.xml };
  }

  /**
   * Records what the next delta carries for a listing: add when the portal has never seen it,
   * change after, delete to withdraw. Returns false when there is nothing to tell the portal
   * (withdrawing a listing it never received).
   */
  async stage(manager: EntityManager, publication: PublicationEntity, action: 'publish' | 'unpublish'): Promise<boolean> {
    const publications = this.publications.withManager(manager);
    const neverDelivered = publication.externalId === null || (publication.feedPending && publication.feedAction === 'add');
    if (action === 'unpublish' && neverDelivered) {
      Object.assign(publication, { feedPending: false, feedAction: null, externalId: null });
      await publications.save(publication.organizationId, publication);
      return false;
    }
    const known = publication.externalId !== null && publication.feedAction !== 'delete';
    let next: FeedAction = action === 'unpublish' ? 'delete' : known ? 'change' : 'add';
    // An add the portal has not received yet stays an add (a retry, or an edit before delivery).
    if (publication.feedPending && publication.feedAction === 'add' && next === 'change') next = 'add';
    Object.assign(publication, { feedAction: next, feedPending: true, feedChangedAt: new Date(), externalId: publication.listingId });
    await publications.save(publication.organizationId, publication);
    return true;
  }

  /**
   * Uploads the organization's feed to one portal as a ZIP: by default the pending changes (TEIL),
   * or everything published (VOLL, the portal drops what is missing). What went up is marked delivered.
   */
  async deliver(organizationId: string, channel: FeedChannel, mode: FeedMode = 'delta'): Promise<FeedDeliveryView> {
    const credentials = await this.channels.credentials(organizationId, channel);
    const snapshot = new Date();
    const built = await this.build(organizationId, channel, credentials.settings, mode, snapshot);
    // Milliseconds and a random tail: two deliveries in one second must not overwrite each other on the server.
    const stamp = `${snapshot.toISOString().replace(/\D/g, '').slice(0, 17)}-${randomBytes(2).toString('hex')}`;
    const filename = `${credentials.settings.providerId}_${stamp}.zip`;
    if (mode === 'delta' && built.publicationIds.length === 0) return { filename: null, listings: 0 };
    const zip = new JSZip();
    zip.file(`openimmo_${stamp}.xml`, built.xml);
    for (const file of built.files) zip.file(file.name, file.bytes);
    const archive = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const target = channel === 'immowelt' ? this.config.IMMOWELT_FTP_URL : this.config.KLEINANZEIGEN_FTP_URL;
    if (!target) throw new PortalError(`${PORTAL_NAMES[channel]}: no import FTP server is configured (${channel.toUpperCase()}_FTP_URL); ask the operator`, false);
    await uploadFeed(
      PORTAL_NAMES[channel],
      { url: target, username: credentials.settings.ftpUsername, password: credentials.secrets.ftpPassword, timeoutMs: this.config.PORTAL_TIMEOUT_MS },
      filename,
      archive,
    );
    const publications = this.dataSource.getRepository(PublicationEntity);
    const delivered = { organizationId, feedChangedAt: LessThanOrEqual(snapshot) };
    await publications.update({ ...delivered, id: In(built.publicationIds) }, { feedPending: false });
    // A full feed also carries every pending deletion: what it leaves out, the portal removes.
    if (mode === 'full') await publications.update({ ...delivered, channel, feedPending: true, feedAction: 'delete' }, { feedPending: false });
    this.logger.log(`Delivered a ${mode} feed with ${built.publicationIds.length} listing(s) to ${channel} for organization ${organizationId}`);
    return { filename, listings: built.publicationIds.length };
  }

  /** The caller's full feed to the portal now (after an outage, or to start over). */
  async deliverFull(caller: OrgCaller, channel: FeedChannel): Promise<FeedDeliveryView> {
    try {
      return await this.deliver(caller.organizationId, channel, 'full');
    } catch (error) {
      if (!(error instanceof PortalError)) throw error;
      throw rpcError(502, PublishingErrorCode.PORTAL_FAILED, error.message);
    }
  }

  private async build(organizationId: string, channel: FeedChannel, settings: Record<string, string>, mode: 'full' | 'delta', snapshot: Date | null): Promise<BuiltFeed> {
    const where = mode === 'full' ? { channel, status: 'published' as const } : { channel, feedPending: true, ...(snapshot ? { feedChangedAt: LessThanOrEqual(snapshot) } : {}) };
    const publications = await this.publications.find(organizationId, where, { createdAt: 'ASC' });
    const listings = publications.length ? await this.listings.find(organizationId, { id: In(publications.map((row) => row.listingId)) }) : [];
    const byId = new Map(listings.map((row) => [row.id, row]));
    const files: BuiltFeed['files'] = [];
    const entries: FeedListing[] = [];
    for (const publication of publications) {
      const listing = byId.get(publication.listingId);
      if (!listing) continue;
      const action = mode === 'full' ? 'add' : (publication.feedAction ?? 'add');
      const attachments = action === 'delete' || !snapshot ? urlAttachments(listing) : await this.attachments(organizationId, listing, files);
      entries.push({ ...toPortalListing(listing), action, attachments });
    }
    const xml = buildOpenImmoFeed({ organizationId, providerId: settings.providerId, companyName: settings.companyName }, entries, { scope: mode, now: new Date() });
    return { xml, files, publicationIds: publications.map((row) => row.id) };
  }

  /** Pictures: web URLs stay remote; portfolio documents travel in the ZIP beside the XML. */
  private async attachments(organizationId: string, listing: ListingEntity, files: BuiltFeed['files']): Promise<FeedAttachment[]> {
    const result: FeedAttachment[] = [];
    for (const [index, image] of listing.images.entries()) {
      if (image.url) {
        result.push({ location: 'REMOTE', path: image.url, title: image.title ?? null, format: formatOf(image.url) });
      } else if (image.documentId) {
        const picture = await readDocumentPicture(this.portfolio, organizationId, image.documentId, image.title ?? null);
        const name = `${listing.id}_${index + 1}${extensionOf(picture.fileName)}`;
        files.push({ name, bytes: picture.bytes });
        result.push({ location: 'EXTERN', path: name, title: picture.title, format: picture.contentType });
      }
    }
    return result;
  }
}

function urlAttachments(listing: ListingEntity): FeedAttachment[] {
  return listing.images.flatMap((image) => (image.url ? [{ location: 'REMOTE' as const, path: image.url, title: image.title ?? null, format: formatOf(image.url) }] : []));
}

function extensionOf(fileName: string): string {
  const match = /\.[a-z0-9]{1,5}$/i.exec(fileName);
  return match ? match[0].toLowerCase() : '';
}

function formatOf(url: string): string {
  const extension = extensionOf(new URL(url).pathname);
  if (extension === '.png') return 'image/png';
  if (extension === '.webp') return 'image/webp';
  if (extension === '.gif') return 'image/gif';
  return 'image/jpeg';
}
