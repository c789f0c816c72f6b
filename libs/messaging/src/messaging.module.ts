import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { connectNats } from './nats-connection';
import { RpcClient } from './rpc-client';

export const NATS_CONNECTION = Symbol('NATS_CONNECTION');
export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

export interface MessagingModuleOptions {
  url: string;
  prefix: string;
  /** Connection name shown by the NATS server. */
  name: string;
  timeoutMs: number;
}

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
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        { provide: NATS_CONNECTION, useFactory: () => connectNats({ url: options.url, name: options.name }) },
        {
          provide: RpcClient,
          inject: [NATS_CONNECTION],
          useFactory: (connection: NatsConnection) => new RpcClient(connection, { prefix: options.prefix, timeoutMs: options.timeoutMs }),
        },
        ConnectionCloser,
      ],
      exports: [NATS_CONNECTION, MESSAGING_OPTIONS, RpcClient],
    };
  }
}
