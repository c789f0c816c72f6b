import type { Channel } from '@quartier/contracts-publishing';
import type { PublishingConfig } from '../../publishing.config';
import { ChannelAdapter } from '../portals/channel-adapter';
import { FacebookAdapter } from '../portals/facebook.adapter';
import { ImmoScout24Adapter } from '../portals/immoscout24.adapter';
import { InstagramAdapter } from '../portals/instagram.adapter';
import { LinkedInAdapter } from '../portals/linkedin.adapter';

/** The HTTP channels; Immowelt and Kleinanzeigen go through the OpenImmo feed instead. */
export function httpAdapters(config: PublishingConfig): Partial<Record<Channel, ChannelAdapter>> {
  const timeoutMs = config.PORTAL_TIMEOUT_MS;
  return {
    immoscout24: new ImmoScout24Adapter({ apiUrl: config.IMMOSCOUT24_API_URL, exposeUrl: config.IMMOSCOUT24_EXPOSE_URL, timeoutMs }),
    facebook: new FacebookAdapter(config.FACEBOOK_GRAPH_URL, timeoutMs),
    instagram: new InstagramAdapter(config.FACEBOOK_GRAPH_URL, timeoutMs),
    linkedin: new LinkedInAdapter({ apiUrl: config.LINKEDIN_API_URL, version: config.LINKEDIN_VERSION, timeoutMs }),
  };
}
