export * from './data-source';
export * from './migrate';
export * from './org-scoped.repository';
export * from './outbox.entity';
export * from './outbox';
export * from './database.module';
export * from './numeric.transformer';
export * from './connection-loss';
