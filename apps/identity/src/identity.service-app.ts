import { defineService } from '@quartier/messaging';
import { AppModule } from './app.module';
import { identityConfigSpec } from './identity.config';
import { IDENTITY_SCHEMA, identityEntities } from './identity.entities';
import { identityMigrations } from './migrations';

export const identityService = defineService({
  name: 'identity',
  configSpec: identityConfigSpec,
  module: (config) => AppModule.forRoot(config),
  schema: IDENTITY_SCHEMA,
  entities: identityEntities,
  migrations: identityMigrations,
});
