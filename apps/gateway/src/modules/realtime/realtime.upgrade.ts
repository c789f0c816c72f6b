import websocket, { WebsocketHandler } from '@fastify/websocket';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { RealtimeService } from './realtime.service';

type NestFastifyPlugin = Parameters<NestFastifyApplication['register']>[0];

/** Largest message a client may send (auth, subscribe, ping are tiny). */
const MAX_CLIENT_MESSAGE_BYTES = 64 * 1024;

/**
 * Serves WebSocket upgrades of the Nest routes `GET <prefix>/ws` and `<prefix>/ws/:clientId`:
 * the upgrade runs through the same Fastify hooks as any request (request id, authentication,
 * rate limit), then RealtimeService takes the socket; a plain GET still reaches Nest (426).
 * Must run before the Nest routes are registered (before init/listen).
 */
export async function installRealtime(app: NestFastifyApplication, apiPrefix: string): Promise<void> {
  const realtime = app.get(RealtimeService);
  if (!realtime.enabled) return;
  const paths = new Set([`/${apiPrefix}/ws`, `/${apiPrefix}/ws/:clientId`]);
  const wsHandler: WebsocketHandler = (socket, request) => realtime.handleConnection(socket, request);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', (route: { method: string | string[]; url: string; wsHandler?: WebsocketHandler }) => {
      if (route.method === 'GET' && paths.has(route.url)) route.wsHandler = wsHandler;
    });
  // Nest bundles its own copy of fastify; the plugin's types name the root copy (same major, same runtime API).
  await app.register(websocket as unknown as NestFastifyPlugin, { options: { maxPayload: MAX_CLIENT_MESSAGE_BYTES } });
}
