import { defineService } from '@quartier/messaging';
import { AppModule } from './app.module';
import { publishingConfigSpec } from './publishing.config';
import { PUBLISHING_ENTITIES, PUBLISHING_MIGRATIONS, PUBLISHING_SCHEMA } from './publishing.schema';

export const publishingService = defineService({
  name: 'publishing',
  configSpec: publishingConfigSpec,
  module: (config) => AppModule.forRoot(config),
  schema: PUBLISHING_SCHEMA,
  entities: PUBLISHING_ENTITIES,
  migrations: PUBLISHING_MIGRATIONS,
});
