import { Readable } from 'node:stream';
import { Client, FTPError } from 'basic-ftp';
import { PortalError } from '../portals/portal-error';

export interface UploadTarget {
  /** ftp://, ftps:// or sftp://host[:port][/directory] */
  url: string;
  username: string;
  password: string;
  timeoutMs: number;
}

/** Uploads one file the way the portals import OpenImmo: a ZIP dropped into the account's FTP directory. */
export async function uploadOverFtp(portal: string, target: UploadTarget, fileName: string, content: Buffer): Promise<void> {
  const url = new URL(target.url);
  const client = new Client(target.timeoutMs);
  try {
    await client.access({
      host: url.hostname,
      port: url.port ? Number(url.port) : 21,
      user: target.username,
      password: target.password,
      secure: url.protocol === 'ftps:',
    });
    const directory = decodeURIComponent(url.pathname).replace(/^\/+|\/+$/g, '');
    if (directory) await client.ensureDir(directory);
    // Upload under a temporary name and rename, so the portal never imports half a file.
    await client.uploadFrom(Readable.from(content), `${fileName}.part`);
    await client.rename(`${fileName}.part`, fileName);
  } catch (error) {
    if (error instanceof FTPError) {
      // 530: login refused; 55x: no permission or no such directory. Trying again changes nothing.
      const permanent = error.code === 530 || (error.code >= 550 && error.code < 560);
      throw new PortalError(`${portal} FTP: ${error.message}`, !permanent, error.code);
    }
    throw new PortalError(`${portal} FTP: ${(error as Error).message}`, true);
  } finally {
    client.close();
  }
}
