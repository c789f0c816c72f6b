import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module';
import { PortfolioDirectory } from '../listings/portfolio-directory.service';
import { FeedController } from './feed.controller';
import { FeedService } from './feed.service';

@Module({ imports: [ChannelsModule], controllers: [FeedController], providers: [FeedService, PortfolioDirectory], exports: [FeedService] })
export class FeedsModule {}
