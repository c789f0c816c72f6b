import { defineService } from '@quartier/messaging';
import { AppModule, WORKORDERS_ENTITIES, WORKORDERS_SCHEMA } from './app.module';
import { WORKORDERS_MIGRATIONS } from './migrations';
import { workordersConfigSpec } from './workorders.config';

export const workordersService = defineService({
  name: 'workorders',
  configSpec: workordersConfigSpec,
  module: (config) => AppModule.forRoot(config),
  schema: WORKORDERS_SCHEMA,
  entities: WORKORDERS_ENTITIES,
  migrations: WORKORDERS_MIGRATIONS,
});
