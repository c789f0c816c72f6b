import { DynamicModule, Module } from '@nestjs/common';
import { DatabaseModule } from '@quartier/db';
import { MessagingModule, OpsModule, busSettings } from '@quartier/messaging';
import { identityEntities, IDENTITY_SCHEMA } from './identity.entities';
import { IDENTITY_CONFIG, IdentityConfig } from './identity.config';
import { identityMigrations } from './migrations';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { InvitationsModule } from './modules/invitations/invitations.module';
import { LimitsModule } from './modules/limits/limits.module';
import { OrganizationsModule } from './modules/organizations/organizations.module';
import { PasswordResetModule } from './modules/password-reset/password-reset.module';
import { PlansModule } from './modules/plans/plans.module';
import { UsersModule } from './modules/users/users.module';

@Module({})
class IdentityConfigModule {
  static forRoot(config: IdentityConfig): DynamicModule {
    return { module: IdentityConfigModule, global: true, providers: [{ provide: IDENTITY_CONFIG, useValue: config }], exports: [IDENTITY_CONFIG] };
  }
}

@Module({})
export class AppModule {
  static forRoot(config: IdentityConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        IdentityConfigModule.forRoot(config),
        DatabaseModule.forRoot({
          url: config.DATABASE_URL,
          schema: IDENTITY_SCHEMA,
          entities: identityEntities,
          migrations: identityMigrations,
          poolSize: config.DB_POOL_SIZE,
          migrateOnBoot: config.MIGRATE_ON_BOOT,
        }),
        MessagingModule.forRoot(busSettings(config, 'identity')),
        OpsModule.forRoot('identity'),
        AuthModule,
        UsersModule,
        OrganizationsModule,
        PasswordResetModule,
        InvitationsModule,
        LimitsModule,
        AuditModule,
        PlansModule,
      ],
    };
  }
}
