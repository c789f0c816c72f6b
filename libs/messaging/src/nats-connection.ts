import { NatsConnection, connect } from 'nats';

export interface NatsConnectionOptions {
  url: string;
  name: string;
}

/** Connects with unlimited reconnects, so a NATS restart never takes a service down for good. */
export async function connectNats({ url, name }: NatsConnectionOptions): Promise<NatsConnection> {
  try {
    return await connect({
      servers: url.split(',').map((server) => server.trim()),
      name,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
    });
  } catch (error) {
    throw new Error(
      `Cannot reach NATS at ${url} (${(error as Error).message}). Start one with JetStream, e.g. ` +
        '`nats-server -js` (Debian: `start-stop-daemon --start --background --exec /usr/sbin/nats-server -- -a 127.0.0.1 -p 4222 -js`).',
    );
  }
}

/** Nest's NATS transport options matching `connectNats`. */
export function natsTransportOptions(url: string, name: string): {
  servers: string[];
  name: string;
  maxReconnectAttempts: number;
  reconnectTimeWait: number;
  waitOnFirstConnect: boolean;
} {
  return {
    servers: url.split(',').map((server) => server.trim()),
    name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    waitOnFirstConnect: true,
  };
}
