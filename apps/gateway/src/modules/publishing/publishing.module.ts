import { Module } from '@nestjs/common';
import { OperationClient } from '@quartier/messaging';
import { ListingsController } from './listings.controller';
import { PublishingController } from './publishing.controller';

/** /api/v1 routes of the publishing service: listings, channels, jobs and OpenImmo feeds. */
@Module({ controllers: [ListingsController, PublishingController], providers: [OperationClient] })
export class PublishingRoutesModule {}
