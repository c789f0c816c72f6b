import { DynamicModule, Module } from '@nestjs/common';
import { DatabaseModule, InboxEntity, OutboxEntity } from '@quartier/db';
import { MessagingModule, OpsModule, busSettings } from '@quartier/messaging';
import { AI_CONFIG, AiConfig } from './ai.config';
import { AI_MIGRATIONS } from './migrations';
import { AnalysisModule } from './modules/analysis/analysis.module';
import { ChatModule } from './modules/chat/chat.module';
import { ConversationEntity, MessageEntity } from './modules/chat/conversation.entity';
import { EventsModule } from './modules/events/events.module';
import { HealthModule } from './modules/health/health.module';
import { InsightsModule } from './modules/insights/insights.module';
import { PortfolioDocumentsModule } from './modules/portfolio-documents/portfolio-documents.module';
import { ChunkEntity, SourceEntity } from './modules/sources/source.entity';
import { SourcesModule } from './modules/sources/sources.module';

export const AI_SCHEMA = 'ai';

export const AI_ENTITIES = [OutboxEntity, InboxEntity, SourceEntity, ChunkEntity, ConversationEntity, MessageEntity];

@Module({})
export class AppModule {
  static forRoot(config: AiConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        DatabaseModule.forRoot({
          url: config.DATABASE_URL,
          schema: AI_SCHEMA,
          entities: AI_ENTITIES,
          migrations: AI_MIGRATIONS,
          poolSize: config.DB_POOL_SIZE,
          migrateOnBoot: config.MIGRATE_ON_BOOT,
        }),
        MessagingModule.forRoot(busSettings(config, 'ai')),
        OpsModule.forRoot('ai'),
        SourcesModule,
        ChatModule,
        HealthModule,
        InsightsModule,
        AnalysisModule,
        EventsModule,
        PortfolioDocumentsModule,
      ],
      providers: [{ provide: AI_CONFIG, useValue: config }],
      exports: [AI_CONFIG],
    };
  }
}
