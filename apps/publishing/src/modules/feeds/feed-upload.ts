import { UploadTarget, uploadOverFtp } from './ftp-upload';
import { uploadOverSftp } from './sftp-upload';

/** Where the portal's import server lives decides how: ftp:// and ftps:// through basic-ftp, sftp:// through ssh2-sftp-client. */
export function uploadFeed(portal: string, target: UploadTarget, fileName: string, content: Buffer): Promise<void> {
  return target.url.startsWith('sftp://') ? uploadOverSftp(portal, target, fileName, content) : uploadOverFtp(portal, target, fileName, content);
}
