import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module';
import { ListingController } from './listing.controller';
import { ListingService } from './listing.service';
import { PortfolioDirectory } from './portfolio-directory.service';
import { UnitRentedConsumer } from './unit-rented.consumer';

@Module({ imports: [ChannelsModule], controllers: [ListingController], providers: [ListingService, PortfolioDirectory, UnitRentedConsumer] })
export class ListingsModule {}
