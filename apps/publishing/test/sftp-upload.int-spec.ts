import { uploadOverSftp } from '../src/modules/feeds/sftp-upload';
import { PortalError } from '../src/modules/portals/portal-error';
import { startSftpServer } from './wire/sftp.server';

describe('SFTP feed upload', () => {
  let server: Awaited<ReturnType<typeof startSftpServer>>;
  const zip = Buffer.from('PK\x03\x04 a feed', 'latin1');

  beforeAll(async () => {
    server = await startSftpServer('ka-1', 'right');
  });
  afterAll(async () => {
    await server?.close();
  });

  const upload = (url: string, password = 'right') => uploadOverSftp('Kleinanzeigen', { url, username: 'ka-1', password, timeoutMs: 5000 }, 'KA-1_1.zip', zip);
  const failure = async (promise: Promise<unknown>): Promise<PortalError> => {
    try {
      await promise;
    } catch (error) {
      if (error instanceof PortalError) return error;
      throw error;
    }
    throw new Error('Expected the upload to fail');
  };

  it('creates the import directory and leaves only the complete file, under its final name', async () => {
    await upload(`${server.url}/import/openimmo?hostKey=${encodeURIComponent(server.fingerprint)}`);
    expect([...server.files.keys()]).toEqual(['/import/openimmo/KA-1_1.zip']);
    expect(server.files.get('/import/openimmo/KA-1_1.zip')?.equals(zip)).toBe(true);
  });

  it('refuses a host whose key differs from the pinned one, for good', async () => {
    const error = await failure(upload(`${server.url}/x?hostKey=${encodeURIComponent('SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')}`));
    expect([error.message, error.retryable]).toEqual(["Kleinanzeigen SFTP: the server's host key does not match the pinned SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", false]);
    expect(server.files.has('/x/KA-1_1.zip')).toBe(false);
  });

  it('fails for good on a refused login, naming no password', async () => {
    const error = await failure(upload(server.url, 'wrong-pass'));
    expect([error.message, error.retryable]).toEqual(['Kleinanzeigen SFTP: login refused', false]);
  });

  it('retries when the server cannot be reached', async () => {
    const error = await failure(upload('sftp://127.0.0.1:1/import'));
    expect(error.retryable).toBe(true);
  });
});
