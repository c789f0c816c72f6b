import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ACCESS_TOKEN_ALGORITHM, JwksDto } from '@quartier/contracts-identity';
import { IDENTITY_CONFIG, IdentityConfig } from '../../identity.config';
import { ActiveSigningKey, KeyStoreOptions, MaintenanceResult, loadActiveKey, maintainSigningKeys, publishedKeys } from './signing-key-store';

export function keyStoreOptions(config: IdentityConfig): KeyStoreOptions {
  return {
    policy: {
      rotationDays: config.SIGNING_KEY_ROTATION_DAYS,
      accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
      refreshSeconds: config.SIGNING_KEY_CHECK_SECONDS,
      marginSeconds: config.SIGNING_KEY_RETIREMENT_MARGIN_SECONDS,
    },
    encryptionSecret: config.SIGNING_KEY_ENCRYPTION_SECRET,
  };
}

export function describeMaintenance(result: MaintenanceResult): string | undefined {
  const parts = [
    result.activated ? `new key ${result.activated} signs from ${result.activatesAt?.toISOString()}` : '',
    result.retired ? `retired ${result.retired}` : '',
    result.dropped.length > 0 ? `dropped ${result.dropped.join(', ')}` : '',
    result.sealed > 0 ? `encrypted ${result.sealed} stored key(s)` : '',
  ].filter(Boolean);
  return parts.length > 0 ? `Signing keys: ${parts.join('; ')}` : undefined;
}

/**
 * The key that signs access tokens now, and the JWKS. The database decides which key signs when;
 * every replica checks it on a timer, rotating when due (one replica wins the lock).
 */
@Injectable()
export class SigningKeysService implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SigningKeys');
  private readonly options: KeyStoreOptions;
  private active?: Promise<ActiveSigningKey>;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {
    this.options = keyStoreOptions(config);
  }

  /** The first boot creates the first key; replicas booting together agree on it through the lock. */
  async onModuleInit(): Promise<void> {
    await this.current();
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick(), this.config.SIGNING_KEY_CHECK_SECONDS * 1000);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** NATS handlers may run before the module init finished: they wait for the first key. */
  current(): Promise<ActiveSigningKey> {
    this.active ??= this.check();
    return this.active;
  }

  /** Read from the database on every call, so any replica answers with the keys of the latest rotation. */
  async jwks(): Promise<JwksDto> {
    const keys = await publishedKeys(this.dataSource.manager);
    return {
      keys: keys.map((key) => {
        const { kty = 'EC', crv = 'P-256', x = '', y = '' } = key.publicJwk;
        return { kty, crv, x, y, kid: key.kid, alg: ACCESS_TOKEN_ALGORITHM, use: 'sig' };
      }),
    };
  }

  private async check(): Promise<ActiveSigningKey> {
    const message = describeMaintenance(await maintainSigningKeys(this.dataSource, this.options, false));
    if (message) this.logger.log(message);
    return loadActiveKey(this.dataSource, this.options.encryptionSecret);
  }

  /** A failed check keeps the key loaded before; the next tick tries again. */
  private tick(): void {
    if (this.running) return;
    this.running = this.check()
      .then((key) => {
        this.active = Promise.resolve(key);
      })
      .catch((error: Error) => this.logger.error(`Signing-key check failed: ${error.message}`))
      .finally(() => {
        this.running = undefined;
      });
  }
}
