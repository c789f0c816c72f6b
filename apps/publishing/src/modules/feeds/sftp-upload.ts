import { createHash } from 'node:crypto';
import SftpClient from 'ssh2-sftp-client';
import { PortalError } from '../portals/portal-error';
import type { UploadTarget } from './ftp-upload';

/**
 * Uploads one file over SFTP (sftp://host[:port][/dir]). `?hostKey=SHA256:<base64>` in the URL pins
 * the server's host key, as `ssh-keygen -lf` prints it; a different key refuses the upload.
 */
export async function uploadOverSftp(portal: string, target: UploadTarget, fileName: string, content: Buffer): Promise<void> {
  const url = new URL(target.url);
  const pinned = url.searchParams.get('hostKey');
  const client = new SftpClient();
  let hostKeyRejected = false;
  try {
    await client.connect({
      host: url.hostname,
      port: url.port ? Number(url.port) : 22,
      username: target.username,
      password: target.password,
      readyTimeout: target.timeoutMs,
      hostVerifier: (key: Buffer) => {
        hostKeyRejected = pinned !== null && `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}` !== pinned;
        return !hostKeyRejected;
      },
    });
    const directory = decodeURIComponent(url.pathname).replace(/\/+$/, '');
    if (directory && !(await client.exists(directory))) await client.mkdir(directory, true);
    const path = directory ? `${directory}/${fileName}` : fileName;
    // Upload under a temporary name and rename, so the portal never imports half a file.
    await client.put(content, `${path}.part`);
    await client.rename(`${path}.part`, path);
  } catch (error) {
    if (hostKeyRejected) throw new PortalError(`${portal} SFTP: the server's host key does not match the pinned ${pinned}`, false);
    const message = (error as Error).message;
    const refused = /authentication|permission denied/i.test(message);
    throw new PortalError(`${portal} SFTP: ${refused ? 'login refused' : message}`, !refused);
  } finally {
    await client.end().catch(() => undefined);
  }
}
