import { DynamicModule, Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ServiceDataSourceOptions, createServiceDataSource } from './data-source';
import { runMigrations } from './migrate';
import { OutboxWriter } from './outbox';

export interface DatabaseModuleOptions extends ServiceDataSourceOptions {
  /** Apply pending migrations at boot (under the advisory lock). Helm runs them in a Job instead. */
  migrateOnBoot: boolean;
}

const DATABASE_OPTIONS = Symbol('DATABASE_OPTIONS');

@Injectable()
class DataSourceCloser implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** Provides the service's `DataSource`, connected (and migrated when asked) before anything uses it, and its OutboxWriter. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: DATABASE_OPTIONS, useValue: options },
        {
          provide: DataSource,
          inject: [DATABASE_OPTIONS],
          useFactory: async (databaseOptions: DatabaseModuleOptions): Promise<DataSource> => {
            const dataSource = await createServiceDataSource(databaseOptions).initialize();
            if (databaseOptions.migrateOnBoot) {
              const applied = await runMigrations(dataSource, databaseOptions.schema);
              if (applied.length > 0) new Logger('Database').log(`Applied migrations: ${applied.join(', ')}`);
            }
            return dataSource;
          },
        },
        { provide: OutboxWriter, inject: [DataSource], useFactory: (dataSource: DataSource) => new OutboxWriter(dataSource) },
        DataSourceCloser,
      ],
      exports: [DataSource, OutboxWriter],
    };
  }
}
