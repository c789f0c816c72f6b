import {
  BeforeApplicationShutdown,
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import Redis from 'ioredis';
import { NatsConnection } from 'nats';
import { Logger } from 'pino';
import { OutboxWriter } from '@quartier/db';
import { parseCidrs, parseGroupRoles } from '@quartier/auth';
import { NATS_CONNECTION, RpcClient, ensureEventStream } from '@quartier/messaging';
import { Metrics } from '@quartier/observability';
import { GatewayConfig } from '../gateway.config';
import { Authenticator } from '../security/authenticator';
import { JwksService } from '../security/jwks.service';
import { AuditPublisher } from './audit.publisher';
import { RateLimiter } from './rate-limit';
import { RedisThrottlerStorage } from './redis-throttler.storage';

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
export const GATEWAY_LOGGER = Symbol('GATEWAY_LOGGER');
const RATE_LIMIT_STORAGE = Symbol('RATE_LIMIT_STORAGE');
const REDIS = Symbol('REDIS');

/** Boot and shutdown chores: the audit stream must exist, audit writes must land, open stores must be closed. */
@Injectable()
class PlatformLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    private readonly audit: AuditPublisher,
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(RATE_LIMIT_STORAGE) private readonly storage: ThrottlerStorage,
    @Inject(REDIS) private readonly redis: Redis | undefined,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await ensureEventStream(this.nats, this.config.NATS_PREFIX);
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.audit.settle();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.storage instanceof ThrottlerStorageService) this.storage.onApplicationShutdown();
    if (this.redis) await this.redis.quit().catch(() => this.redis?.disconnect());
  }
}

/** The gateway's cross-cutting services: config, logger, metrics, authentication, rate limit, audit. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: GatewayConfig, logger: Logger): DynamicModule {
    if (config.AUTHELIA_ENABLED && !config.AUTHELIA_ORGANIZATION_ID) {
      throw new Error('AUTHELIA_ORGANIZATION_ID is required when AUTHELIA_ENABLED=true');
    }
    const trustedProxies = parseCidrs(config.TRUSTED_PROXIES);
    const groupRoles = parseGroupRoles(config.AUTHELIA_GROUP_ROLES);
    return {
      module: PlatformModule,
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        { provide: GATEWAY_LOGGER, useValue: logger },
        { provide: Metrics, useValue: new Metrics('gateway') },
        {
          provide: REDIS,
          useFactory: () => (config.REDIS_URL ? new Redis(config.REDIS_URL, { keyPrefix: `${config.NATS_PREFIX}:`, maxRetriesPerRequest: 1 }) : undefined),
        },
        {
          provide: RATE_LIMIT_STORAGE,
          inject: [REDIS],
          useFactory: (redis: Redis | undefined): ThrottlerStorage => (redis ? new RedisThrottlerStorage(redis) : new ThrottlerStorageService()),
        },
        {
          provide: RateLimiter,
          inject: [RATE_LIMIT_STORAGE],
          useFactory: (storage: ThrottlerStorage) => new RateLimiter(storage, config.RATE_LIMIT_PER_MINUTE, 'gateway'),
        },
        { provide: JwksService, inject: [RpcClient], useFactory: (rpc: RpcClient) => new JwksService(rpc, config.JWKS_CACHE_SECONDS * 1000) },
        {
          provide: Authenticator,
          inject: [JwksService, RpcClient],
          useFactory: (jwks: JwksService, rpc: RpcClient) =>
            new Authenticator(jwks, rpc, {
              enabled: config.AUTHELIA_ENABLED,
              trustedProxies,
              groupRoles,
              defaultRole: config.AUTHELIA_DEFAULT_ROLE,
              organizationId: config.AUTHELIA_ORGANIZATION_ID,
              cacheMs: config.TRUSTED_USER_CACHE_SECONDS * 1000,
            }),
        },
        { provide: AuditPublisher, inject: [OutboxWriter], useFactory: (outbox: OutboxWriter) => new AuditPublisher(outbox, logger) },
        PlatformLifecycle,
      ],
      exports: [GATEWAY_CONFIG, GATEWAY_LOGGER, Metrics, RateLimiter, JwksService, Authenticator, AuditPublisher],
    };
  }
}
