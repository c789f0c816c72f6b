import type { Credentials } from '../channels/channel-credentials';
import type { Is24Listing } from './immoscout24-realestate';

/** What a REST or social channel needs for one call. */
export interface AdapterCall {
  listing: Is24Listing;
  credentials: Credentials;
  /** The portal's id from an earlier publication, if any (update instead of create). */
  externalId: string | null;
  /** The listing's pictures from the document store, in order, for portals that take uploads. */
  documentPictures: () => Promise<PictureFile[]>;
}

export interface PictureFile {
  title: string | null;
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

export interface PublishResult {
  externalId: string;
  url: string | null;
}

/** One portal or social network spoken over HTTP. Errors are PortalErrors. */
export interface ChannelAdapter {
  publish(call: AdapterCall): Promise<PublishResult>;
  /** Removes the ad or post; one that is already gone counts as removed. */
  unpublish(call: AdapterCall & { externalId: string }): Promise<void>;
}
