import { InboxEntity, OutboxEntity } from '@quartier/db';
import { defineService } from '@quartier/messaging';
import { AppModule } from './app.module';
import { portfolioMigrations } from './migrations';
import { portfolioConfigSpec } from './portfolio.config';
import { PORTFOLIO_ENTITIES, PORTFOLIO_SCHEMA } from './portfolio.entities';

export const portfolioService = defineService({
  name: 'portfolio',
  configSpec: portfolioConfigSpec,
  module: (config) => AppModule.forRoot(config),
  schema: PORTFOLIO_SCHEMA,
  entities: [...PORTFOLIO_ENTITIES, OutboxEntity, InboxEntity],
  migrations: portfolioMigrations,
});
