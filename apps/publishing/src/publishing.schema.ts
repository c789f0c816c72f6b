import { InboxEntity, OutboxEntity } from '@quartier/db';
import { ChannelConfigEntity } from './modules/channels/channel-config.entity';
import { JobEntity } from './modules/jobs/job.entity';
import { ListingEntity } from './modules/listings/listing.entity';
import { PublicationEntity } from './modules/listings/publication.entity';
import { PUBLISHING_MIGRATIONS } from './migrations';

export const PUBLISHING_SCHEMA = 'publishing';

export const PUBLISHING_ENTITIES = [OutboxEntity, InboxEntity, ChannelConfigEntity, ListingEntity, PublicationEntity, JobEntity];

export { PUBLISHING_MIGRATIONS };
