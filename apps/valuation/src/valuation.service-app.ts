import { defineService } from '@quartier/messaging';
import { AppModule } from './app.module';
import { valuationConfigSpec } from './valuation.config';
import { VALUATION_ENTITIES, VALUATION_MIGRATIONS, VALUATION_SCHEMA } from './valuation.schema';

export const valuationService = defineService({
  name: 'valuation',
  configSpec: valuationConfigSpec,
  module: (config) => AppModule.forRoot(config),
  schema: VALUATION_SCHEMA,
  entities: VALUATION_ENTITIES,
  migrations: VALUATION_MIGRATIONS,
});
