import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { BusSettings, callerSigner, connectNats } from './nats-connection';
import { RpcClient } from './rpc-client';

export const NATS_CONNECTION = Symbol('NATS_CONNECTION');
export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

/** What the MESSAGING_OPTIONS provider holds. */
export type MessagingModuleOptions = BusSettings;

@Injectable()
class ConnectionCloser implements OnApplicationShutdown {
  constructor(@Inject(NATS_CONNECTION) private readonly connection: NatsConnection) {}

  async onApplicationShutdown(): Promise<void> {
    if (!this.connection.isClosed()) await this.connection.drain();
  }
}

/** The process's NATS connection and an `RpcClient` for calling other services. */
@Global()
@Module({})
export class MessagingModule {
  static forRoot(settings: BusSettings): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: settings },
        { provide: NATS_CONNECTION, useFactory: () => connectNats(settings) },
        {
          provide: RpcClient,
          inject: [NATS_CONNECTION],
          useFactory: (connection: NatsConnection) =>
            new RpcClient(connection, { prefix: settings.prefix, timeoutMs: settings.timeoutMs, signer: callerSigner(settings) }),
        },
        ConnectionCloser,
      ],
      exports: [NATS_CONNECTION, MESSAGING_OPTIONS, RpcClient],
    };
  }
}
