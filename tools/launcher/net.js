// Small network helpers for the launcher: where a URL points, whether something listens there.
const net = require('node:net');
const http = require('node:http');

const DEFAULT_PORTS = { 'nats:': 4222, 'postgres:': 5432, 'postgresql:': 5432, 'mqtt:': 1883, 'http:': 80 };

/** Host and port a service URL points at; NATS_URL may list several servers, the first one counts. */
function endpointOf(rawUrl) {
  const first = String(rawUrl).split(',')[0].trim();
  const url = new URL(first.includes('://') ? first : `nats://${first}`);
  const host = url.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1';
  const port = url.port ? Number(url.port) : DEFAULT_PORTS[url.protocol];
  return { host, port };
}

function isLocalHost(host) {
  return ['127.0.0.1', 'localhost', '::1', '0.0.0.0'].includes(host);
}

/** Resolves to null when a TCP connection succeeds, or to the error message that explains why not. */
function tcpProbe(host, port, timeoutMs = 1500) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (result) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => done(`no answer within ${timeoutMs} ms`));
    socket.once('connect', () => done(null));
    socket.once('error', (error) => done(error.code || error.message));
  });
}

async function isReachable(host, port, timeoutMs) {
  return (await tcpProbe(host, port, timeoutMs)) === null;
}

/** A TCP port on 127.0.0.1 that was free a moment ago: the preferred one when possible. */
function freePort(preferred = 0) {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', (error) => {
      if (preferred !== 0) resolve(freePort(0));
      else reject(error);
    });
    server.listen({ port: preferred, host: '127.0.0.1', exclusive: true }, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** GET a URL; resolves to the status code, or null when nothing answers. */
function httpStatus(url, timeoutMs = 2000) {
  return new Promise((resolve) => {
    const request = http.get(url, { timeout: timeoutMs }, (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    request.once('timeout', () => request.destroy(new Error('timeout')));
    request.once('error', () => resolve(null));
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

module.exports = { endpointOf, isLocalHost, tcpProbe, isReachable, freePort, httpStatus, sleep };
