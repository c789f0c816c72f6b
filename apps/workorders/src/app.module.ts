import { DynamicModule, Module } from '@nestjs/common';
import { DatabaseModule, InboxEntity, OutboxEntity } from '@quartier/db';
import { MessagingModule, OpsModule, busSettings } from '@quartier/messaging';
import { BoardColumnEntity, BoardEntity, SubtaskEntity, TaskCommentEntity, TaskEntity } from './modules/boards/board.entity';
import { BoardsModule } from './modules/boards/boards.module';
import { ContractorEntity } from './modules/contractors/contractor.entity';
import { ContractorsModule } from './modules/contractors/contractors.module';
import { EventsModule } from './modules/events/events.module';
import {
  WorkOrderEntity,
  WorkOrderEventEntity,
  WorkOrderMaterialEntity,
  WorkOrderTaskEntity,
} from './modules/work-orders/work-order.entity';
import { WorkOrdersModule } from './modules/work-orders/work-orders.module';
import { WORKORDERS_MIGRATIONS } from './migrations';
import { WORKORDERS_CONFIG, WorkordersConfig } from './workorders.config';

export const WORKORDERS_SCHEMA = 'workorders';

export const WORKORDERS_ENTITIES = [
  OutboxEntity,
  InboxEntity,
  ContractorEntity,
  WorkOrderEntity,
  WorkOrderEventEntity,
  WorkOrderTaskEntity,
  WorkOrderMaterialEntity,
  BoardEntity,
  BoardColumnEntity,
  TaskEntity,
  SubtaskEntity,
  TaskCommentEntity,
];

@Module({})
export class AppModule {
  static forRoot(config: WorkordersConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        DatabaseModule.forRoot({
          url: config.DATABASE_URL,
          schema: WORKORDERS_SCHEMA,
          entities: WORKORDERS_ENTITIES,
          migrations: WORKORDERS_MIGRATIONS,
          poolSize: config.DB_POOL_SIZE,
          migrateOnBoot: config.MIGRATE_ON_BOOT,
        }),
        MessagingModule.forRoot(busSettings(config, 'workorders')),
        OpsModule.forRoot('workorders'),
        ContractorsModule,
        WorkOrdersModule,
        BoardsModule,
        EventsModule,
      ],
      providers: [{ provide: WORKORDERS_CONFIG, useValue: config }],
      exports: [WORKORDERS_CONFIG],
    };
  }
}
