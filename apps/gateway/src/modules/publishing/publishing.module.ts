import { Module } from '@nestjs/common';
import { ChannelOperations, JobOperations, ListingOperations } from '@quartier/contracts-publishing';
import { OperationClient } from '@quartier/messaging';
import { operationController } from '../../operations/operation-routes.factory';
import { ListingsController } from './listings.controller';
import { PublishingController } from './publishing.controller';

/*
 * /api/v1 routes of the publishing service: listings, channels, jobs and OpenImmo feeds. Routes
 * the factory can express are generated from the operation descriptors; the rest are the
 * hand-written controllers of the same names, so every operationId stays what clients know.
 */
const ListingsRoutes = operationController('ListingsController', {
  create: ListingOperations.create,
  list: ListingOperations.list,
  get: ListingOperations.get,
  remove: ListingOperations.delete,
  readiness: ListingOperations.readiness,
});

const PublishingRoutes = operationController('PublishingController', {
  channels: ChannelOperations.list,
  jobs: JobOperations.list,
  job: JobOperations.get,
});

@Module({ controllers: [ListingsRoutes, ListingsController, PublishingRoutes, PublishingController], providers: [OperationClient] })
export class PublishingRoutesModule {}
