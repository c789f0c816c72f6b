import { randomUUID } from 'node:crypto';
import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { decodeJwt } from 'jose';
import { NatsConnection } from 'nats';
import { Logger } from 'pino';
import { Gauge } from 'prom-client';
import { RawData, WebSocket } from 'ws';
import { Principal } from '@quartier/auth';
import { NATS_CONNECTION } from '@quartier/messaging';
import { Metrics } from '@quartier/observability';
import { GatewayConfig } from '../../gateway.config';
import { GATEWAY_CONFIG, GATEWAY_LOGGER } from '../../platform/platform.module';
import '../../platform/request-state';
import { Authentication, Authenticator } from '../../security/authenticator';
import { Connection, ConnectionRegistry } from './connection-registry';
import { EventFeed } from './event-feed';
import { CloseCode, ClientMessage, isValidClientId, parseClientMessage, refusalOf } from './realtime-protocol';

/** Messages a client may send while its credentials are still being verified. */
const MAX_QUEUED_MESSAGES = 20;

interface Tracked {
  alive: boolean;
  expiry?: NodeJS.Timeout;
}

/**
 * Real-time fan-out: authenticates WebSocket clients exactly like HTTP requests (Bearer header,
 * `token` query parameter or a first `auth` message), then forwards their organization's domain
 * events from the process-wide event feed.
 */
@Injectable()
export class RealtimeService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly registry: ConnectionRegistry;
  private readonly feed: EventFeed;
  private readonly sockets = new Map<WebSocket, Tracked>();
  private keepalive?: NodeJS.Timeout;

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(GATEWAY_LOGGER) private readonly logger: Logger,
    @Inject(NATS_CONNECTION) nats: NatsConnection,
    private readonly authenticator: Authenticator,
    metrics: Metrics,
  ) {
    this.registry = new ConnectionRegistry(config.WS_MAX_BUFFERED_BYTES, (connection) =>
      logger.warn({ clientId: connection.clientId, userId: connection.userId, organizationId: connection.organizationId }, 'WebSocket client dropped: send buffer full'),
    );
    this.feed = new EventFeed(nats, config.NATS_PREFIX, logger, (event) => this.registry.fanOut(event));
    const registry = this.registry;
    new Gauge({
      name: 'quartier_ws_connections',
      help: 'Authenticated WebSocket connections open on this gateway process',
      registers: [metrics.registry],
      collect() {
        this.set(registry.size);
      },
    });
  }

  get enabled(): boolean {
    return this.config.WS_ENABLED;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) return;
    await this.feed.start();
    this.keepalive = setInterval(() => this.ping(), this.config.WS_PING_INTERVAL_MS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.keepalive);
    await this.feed.stop();
    for (const socket of this.sockets.keys()) this.close(socket, CloseCode.GOING_AWAY, 'The gateway is shutting down');
  }

  /** The upgraded socket of `GET /api/v1/ws[/:clientId]`; the edge hooks already resolved header credentials. */
  handleConnection(socket: WebSocket, request: FastifyRequest): void {
    const params = request.params as { clientId?: string };
    const clientId = params.clientId ?? randomUUID();
    if (!isValidClientId(clientId)) return this.close(socket, CloseCode.INVALID_MESSAGE, 'The client id must be 1-128 characters of [A-Za-z0-9._-]');
    const tracked: Tracked = { alive: true };
    this.sockets.set(socket, tracked);
    socket.on('pong', () => (tracked.alive = true));

    let connection: Connection | undefined;
    let verifying = false;
    const queued: string[] = [];
    const authenticate = (token: string | undefined, authentication: Promise<Authentication>): void => {
      verifying = true;
      authentication
        .then(({ principal, failure }) => {
          verifying = false;
          if (socket.readyState !== WebSocket.OPEN) return;
          if (!principal) {
            return this.close(socket, failure?.statusCode === 503 ? CloseCode.UNAVAILABLE : CloseCode.UNAUTHENTICATED, failure?.message ?? 'Authentication is required');
          }
          connection = this.accept(socket, tracked, clientId, principal, token);
          if (connection) for (const message of queued.splice(0)) this.onMessage(connection, message, tracked);
        })
        .catch((error: Error) => {
          this.logger.error({ err: error, requestId: request.requestId }, 'WebSocket authentication failed');
          this.close(socket, CloseCode.UNAVAILABLE, 'Credentials cannot be verified right now');
        });
    };

    socket.on('message', (data: RawData, isBinary: boolean) => {
      const text = isBinary ? '' : rawText(data);
      if (connection) return this.onMessage(connection, text, tracked);
      if (verifying) {
        if (queued.length >= MAX_QUEUED_MESSAGES) return this.close(socket, CloseCode.INVALID_MESSAGE, 'Too many messages before authentication');
        queued.push(text);
        return;
      }
      const parsed = parseClientMessage(text);
      if (!parsed.ok || parsed.message.type !== 'auth') {
        return this.close(socket, CloseCode.UNAUTHENTICATED, 'The first message must be {"type":"auth","token":"<access token>"}');
      }
      authenticate(parsed.message.token, this.verifyToken(parsed.message.token, request.requestId));
    });
    socket.on('close', () => {
      clearTimeout(tracked.expiry);
      this.sockets.delete(socket);
      if (connection) {
        this.registry.remove(connection);
        this.logger.info({ clientId, userId: connection.userId, organizationId: connection.organizationId }, 'WebSocket client disconnected');
      }
    });

    if (request.principal || request.authFailure) {
      return authenticate(bearerOf(request.headers.authorization), Promise.resolve({ principal: request.principal, failure: request.authFailure }));
    }
    const queryToken = (request.query as { token?: unknown }).token;
    if (typeof queryToken === 'string' && queryToken.length > 0) return authenticate(queryToken, this.verifyToken(queryToken, request.requestId));
    tracked.expiry = setTimeout(() => {
      if (!connection && !verifying) this.close(socket, CloseCode.UNAUTHENTICATED, 'Authentication is required');
    }, this.config.WS_AUTH_TIMEOUT_MS);
  }

  private verifyToken(token: string, requestId: string): Promise<Authentication> {
    // The same path as an HTTP request with this Bearer token: signature, expiry, claims, cache.
    return this.authenticator.authenticate({ authorization: `Bearer ${token}` }, undefined, requestId);
  }

  private accept(socket: WebSocket, tracked: Tracked, clientId: string, principal: Principal, token: string | undefined): Connection | undefined {
    clearTimeout(tracked.expiry);
    const refusal = refusalOf(principal);
    if (refusal) {
      this.close(socket, CloseCode.FORBIDDEN, refusal);
      return undefined;
    }
    const connection: Connection = {
      clientId,
      userId: principal.userId,
      organizationId: principal.organizationId,
      roles: principal.roles,
      connectedAt: new Date().toISOString(),
      socket,
    };
    this.registry.add(connection);
    this.expireWith(socket, tracked, token);
    socket.send(JSON.stringify({ type: 'ready', clientId, userId: principal.userId, organizationId: principal.organizationId }));
    this.logger.info({ clientId, userId: principal.userId, organizationId: principal.organizationId }, 'WebSocket client connected');
    return connection;
  }

  private onMessage(connection: Connection, text: string, tracked: Tracked): void {
    const socket = connection.socket as WebSocket;
    const parsed = parseClientMessage(text);
    if (!parsed.ok) return socket.send(JSON.stringify({ type: 'error', message: parsed.error }));
    const message: ClientMessage = parsed.message;
    switch (message.type) {
      case 'subscribe':
        connection.types = message.types;
        return socket.send(JSON.stringify({ type: 'subscribed', types: message.types }));
      case 'ping':
        return socket.send(JSON.stringify({ type: 'pong' }));
      case 'auth':
        // A fresh token for the same user keeps the connection open past the old token's expiry.
        void this.verifyToken(message.token, randomUUID())
          .then(({ principal }) => {
            if (!principal || principal.userId !== connection.userId || principal.organizationId !== connection.organizationId) {
              return this.close(socket, CloseCode.UNAUTHENTICATED, 'The new access token is invalid or names another user');
            }
            this.expireWith(socket, tracked, message.token);
            socket.send(JSON.stringify({ type: 'ready', clientId: connection.clientId, userId: connection.userId, organizationId: connection.organizationId }));
          })
          .catch(() => this.close(socket, CloseCode.UNAVAILABLE, 'Credentials cannot be verified right now'));
    }
  }

  /** A connection lives no longer than the token that opened it (trusted-header sessions have no token). */
  private expireWith(socket: WebSocket, tracked: Tracked, token: string | undefined): void {
    clearTimeout(tracked.expiry);
    const expiresAt = token ? expiryOf(token) : undefined;
    if (expiresAt === undefined) return;
    tracked.expiry = setTimeout(() => this.close(socket, CloseCode.UNAUTHENTICATED, 'The access token has expired'), Math.max(0, expiresAt - Date.now()));
  }

  private ping(): void {
    for (const [socket, tracked] of this.sockets) {
      if (!tracked.alive) {
        socket.terminate();
        continue;
      }
      tracked.alive = false;
      socket.ping();
    }
  }

  private close(socket: WebSocket, code: number, reason: string): void {
    if (socket.readyState === WebSocket.CLOSED || socket.readyState === WebSocket.CLOSING) return;
    // A close reason is limited to 123 bytes.
    socket.close(code, Buffer.from(reason).subarray(0, 123).toString());
  }
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}

function bearerOf(authorization: string | undefined): string | undefined {
  return authorization ? /^Bearer\s+(\S+)$/i.exec(authorization.trim())?.[1] : undefined;
}

function expiryOf(token: string): number | undefined {
  try {
    const exp = decodeJwt(token).exp;
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
