import { createHash } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { posix } from 'node:path';
import { Connection, ParsedKey, Server, utils } from 'ssh2';

const { STATUS_CODE } = utils.sftp;
const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;

/**
 * A local SFTP server (ssh2's server side) with one password account and an in-memory file tree:
 * just the requests an upload makes (stat, mkdir, open/write/close, rename, realpath).
 */
export async function startSftpServer(username: string, password: string) {
  // ECDSA, not ed25519: ssh2 cannot parse about 1 in 250 of the ed25519 keys it generates itself.
  const hostKey = utils.generateKeyPairSync('ecdsa', { bits: 256 });
  const parsed = utils.parseKey(hostKey.private) as ParsedKey;
  const fingerprint = `SHA256:${createHash('sha256').update(parsed.getPublicSSH()).digest('base64').replace(/=+$/, '')}`;
  const files = new Map<string, Buffer>();
  const directories = new Set<string>(['/']);
  const server = new Server({ hostKeys: [hostKey.private] }, (client: Connection) => {
    client.on('authentication', (context) => {
      if (context.method === 'password' && context.username === username && context.password === password) context.accept();
      else context.reject(['password']);
    });
    client.on('ready', () => {
      client.on('session', (acceptSession) => {
        acceptSession().on('sftp', (acceptSftp) => {
          const sftp = acceptSftp();
          const open = new Map<string, { path: string; data: Buffer }>();
          let next = 0;
          const absolute = (path: string) => posix.resolve('/', path);
          sftp.on('REALPATH', (id, path) => sftp.name(id, [{ filename: absolute(path), longname: absolute(path), attrs: {} as never }]));
          const stat = (id: number, path: string) => {
            const target = absolute(path);
            const base = { uid: 0, gid: 0, atime: 0, mtime: 0 };
            if (directories.has(target)) return sftp.attrs(id, { ...base, mode: S_IFDIR | 0o755, size: 0 });
            const file = files.get(target);
            return file ? sftp.attrs(id, { ...base, mode: S_IFREG | 0o644, size: file.length }) : sftp.status(id, STATUS_CODE.NO_SUCH_FILE);
          };
          sftp.on('STAT', stat).on('LSTAT', stat);
          sftp.on('MKDIR', (id, path) => {
            const target = absolute(path);
            if (!directories.has(posix.dirname(target))) return sftp.status(id, STATUS_CODE.NO_SUCH_FILE);
            directories.add(target);
            return sftp.status(id, STATUS_CODE.OK);
          });
          sftp.on('OPEN', (id, path) => {
            if (!directories.has(posix.dirname(absolute(path)))) return sftp.status(id, STATUS_CODE.NO_SUCH_FILE);
            const handle = Buffer.from(String(next++));
            open.set(handle.toString(), { path: absolute(path), data: Buffer.alloc(0) });
            return sftp.handle(id, handle);
          });
          sftp.on('WRITE', (id, handle, offset, data) => {
            const file = open.get(handle.toString());
            if (!file) return sftp.status(id, STATUS_CODE.FAILURE);
            const grown = Buffer.alloc(Math.max(file.data.length, offset + data.length));
            file.data.copy(grown);
            data.copy(grown, offset);
            file.data = grown;
            return sftp.status(id, STATUS_CODE.OK);
          });
          sftp.on('FSTAT', (id, handle) => {
            const file = open.get(handle.toString());
            return file ? sftp.attrs(id, { uid: 0, gid: 0, atime: 0, mtime: 0, mode: S_IFREG | 0o644, size: file.data.length }) : sftp.status(id, STATUS_CODE.FAILURE);
          });
          sftp.on('SETSTAT', (id) => sftp.status(id, STATUS_CODE.OK)).on('FSETSTAT', (id) => sftp.status(id, STATUS_CODE.OK));
          sftp.on('CLOSE', (id, handle) => {
            const file = open.get(handle.toString());
            if (file) files.set(file.path, file.data);
            open.delete(handle.toString());
            return sftp.status(id, STATUS_CODE.OK);
          });
          sftp.on('RENAME', (id, from, to) => {
            const file = files.get(absolute(from));
            if (!file) return sftp.status(id, STATUS_CODE.NO_SUCH_FILE);
            files.delete(absolute(from));
            files.set(absolute(to), file);
            return sftp.status(id, STATUS_CODE.OK);
          });
        });
      });
    });
    client.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `sftp://127.0.0.1:${port}`,
    fingerprint,
    /** Uploaded files by absolute path. */
    files,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
