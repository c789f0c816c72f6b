import { Events, Msg, NatsConnection, RequestOptions } from 'nats';
import { CommonErrorCode } from '@quartier/contracts-shared';
import { RpcError } from './rpc-errors';

/** A failure the caller may retry shortly (the gateway adds Retry-After to every 503). */
export function serviceUnavailable(message: string): RpcError {
  return new RpcError({ status: 503, code: CommonErrorCode.SERVICE_UNAVAILABLE, message });
}

/**
 * The process's connection as request/reply sees it. nats.js keeps reconnecting for ever and
 * meanwhile buffers what is published, but it empties that buffer on every dial attempt and loses
 * replies that were on their way when the socket died: such requests would wait their whole
 * timeout for nothing. So while disconnected a request fails at once, and the requests in flight
 * when the connection drops fail at that moment, each with a 503 the client may retry.
 */
export class BusLink {
  private connected = true;
  private readonly inFlight = new Set<(error: RpcError) => void>();

  constructor(private readonly connection: NatsConnection) {
    void this.watch();
  }

  /** Whether a request sent now can reach a service. */
  get available(): boolean {
    return this.connected && !this.connection.isClosed();
  }

  request(subject: string, payload: Uint8Array, options: RequestOptions): Promise<Msg> {
    if (!this.available) return Promise.reject(serviceUnavailable('The message bus is unavailable'));
    let drop!: (error: RpcError) => void;
    const lost = new Promise<never>((_, reject) => {
      drop = reject;
    });
    this.inFlight.add(drop);
    // Whichever settles first wins; race() also handles the loser's later rejection.
    return Promise.race([this.connection.request(subject, payload, options), lost]).finally(() => this.inFlight.delete(drop));
  }

  private async watch(): Promise<void> {
    // The iterator ends when the connection is closed.
    for await (const status of this.connection.status()) {
      if (status.type === Events.Disconnect) {
        this.connected = false;
        const error = serviceUnavailable('The connection to the message bus was lost; the request may or may not have been carried out');
        for (const drop of this.inFlight) drop(error);
        this.inFlight.clear();
      } else if (status.type === Events.Reconnect) {
        this.connected = true;
      }
    }
  }
}
