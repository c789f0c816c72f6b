import { defineService } from '@quartier/messaging';
import { aiConfigSpec } from './ai.config';
import { AppModule, AI_ENTITIES, AI_SCHEMA } from './app.module';
import { AI_MIGRATIONS } from './migrations';

export const aiService = defineService({
  name: 'ai',
  configSpec: aiConfigSpec,
  module: (config) => AppModule.forRoot(config),
  schema: AI_SCHEMA,
  entities: AI_ENTITIES,
  migrations: AI_MIGRATIONS,
});
