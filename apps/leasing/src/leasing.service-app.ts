import { defineService } from '@quartier/messaging';
import { AppModule } from './app.module';
import { leasingConfigSpec } from './leasing.config';
import { LEASING_ENTITIES, LEASING_MIGRATIONS } from './leasing.schema';

export const leasingService = defineService({
  name: 'leasing',
  configSpec: leasingConfigSpec,
  module: (config) => AppModule.forRoot(config),
  schema: 'leasing',
  entities: LEASING_ENTITIES,
  migrations: LEASING_MIGRATIONS,
});
