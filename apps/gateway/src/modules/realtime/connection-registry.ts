import { CallerRole, DomainEvent } from '@quartier/contracts-shared';
import { shouldDeliver } from './realtime-protocol';

/** The part of a `ws` WebSocket the registry needs (a fake in unit specs). */
export interface EventSocket {
  readonly bufferedAmount: number;
  send(data: string): void;
  terminate(): void;
}

export interface Connection {
  clientId: string;
  userId: string;
  organizationId: string;
  roles: readonly CallerRole[];
  connectedAt: string;
  /** Undefined until the client subscribes: every event type it may see. */
  types?: string[];
  socket: EventSocket;
}

export interface FanOutResult {
  delivered: number;
  dropped: number;
}

/**
 * The authenticated connections of this gateway process, grouped by organization so an event
 * is only ever looked at by its own organization's connections.
 */
export class ConnectionRegistry {
  private readonly byOrganization = new Map<string, Set<Connection>>();
  private count = 0;

  constructor(
    private readonly maxBufferedBytes: number,
    private readonly onDrop: (connection: Connection) => void = () => undefined,
  ) {}

  get size(): number {
    return this.count;
  }

  add(connection: Connection): void {
    let connections = this.byOrganization.get(connection.organizationId);
    if (!connections) {
      connections = new Set();
      this.byOrganization.set(connection.organizationId, connections);
    }
    if (!connections.has(connection)) {
      connections.add(connection);
      this.count++;
    }
  }

  remove(connection: Connection): void {
    const connections = this.byOrganization.get(connection.organizationId);
    if (!connections?.delete(connection)) return;
    this.count--;
    if (connections.size === 0) this.byOrganization.delete(connection.organizationId);
  }

  list(organizationId: string): Connection[] {
    return [...(this.byOrganization.get(organizationId) ?? [])];
  }

  /** Sends the event to every entitled connection; a client that cannot keep up is dropped, not buffered without bound. */
  fanOut(event: DomainEvent): FanOutResult {
    const result: FanOutResult = { delivered: 0, dropped: 0 };
    const connections = this.byOrganization.get(event.organizationId);
    if (!connections) return result;
    const message = JSON.stringify({
      type: 'event',
      event: { id: event.id, type: event.type, organizationId: event.organizationId, occurredAt: event.occurredAt, payload: event.payload },
    });
    for (const connection of [...connections]) {
      if (!shouldDeliver(connection, event)) continue;
      // Memory per client stays below the limit plus one message, however large that message is.
      if (connection.socket.bufferedAmount > this.maxBufferedBytes) {
        this.remove(connection);
        connection.socket.terminate();
        this.onDrop(connection);
        result.dropped++;
        continue;
      }
      connection.socket.send(message);
      result.delivered++;
    }
    return result;
  }
}
