import { InboxEntity, OutboxEntity } from '@quartier/db';
import { defineService } from '@quartier/messaging';
import { AppModule } from './app.module';
import { iotConfigSpec } from './iot.config';
import { IOT_ENTITIES, IOT_MIGRATIONS, IOT_SCHEMA } from './iot.schema';

export const iotService = defineService({
  name: 'iot',
  configSpec: iotConfigSpec,
  module: (config) => AppModule.forRoot(config),
  schema: IOT_SCHEMA,
  entities: [...IOT_ENTITIES, OutboxEntity, InboxEntity],
  migrations: IOT_MIGRATIONS,
});
