import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FtpSrv } from 'ftp-srv';

/** ftp-srv logs every connection through bunyan; the specs stay quiet. */
const silent: Record<string, unknown> = { child: () => silent, trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined, fatal: () => undefined };

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** A local FTP server (ftp-srv) with one account, its files in a temporary directory. */
export async function startFtpServer(username: string, password: string) {
  const root = mkdtempSync(join(tmpdir(), 'quartier-ftp-'));
  const port = await freePort();
  const pasv = await freePort();
  const server = new FtpSrv({ url: `ftp://127.0.0.1:${port}`, pasv_url: '127.0.0.1', pasv_min: pasv, pasv_max: pasv + 20, anonymous: false, greeting: 'portal import', log: silent });
  server.on('login', ({ username: user, password: secret }, resolve, reject) => {
    if (user === username && secret === password) resolve({ root });
    else reject(new Error('Login incorrect'));
  });
  await server.listen();
  return {
    url: `ftp://127.0.0.1:${port}`,
    /** Files uploaded into a directory of the account, by name. */
    files: (directory = ''): Map<string, Buffer> => {
      const path = join(root, directory);
      try {
        return new Map(readdirSync(path).map((name) => [name, readFileSync(join(path, name))]));
      } catch {
        return new Map();
      }
    },
    close: async () => {
      await server.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
