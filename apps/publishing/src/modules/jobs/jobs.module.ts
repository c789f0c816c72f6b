import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module';
import { FeedsModule } from '../feeds/feeds.module';
import { PortfolioDirectory } from '../listings/portfolio-directory.service';
import { JobController } from './job.controller';
import { JobService } from './job.service';
import { JobWorker } from './job.worker';

@Module({ imports: [ChannelsModule, FeedsModule], controllers: [JobController], providers: [JobService, JobWorker, PortfolioDirectory] })
export class JobsModule {}
