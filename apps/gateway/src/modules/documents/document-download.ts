import { StreamableFile } from '@nestjs/common';
import { Readable } from 'node:stream';
import { DownloadChunkResponse, DownloadInfoResponse, PortfolioSubjects } from '@quartier/contracts-portfolio';
import { Caller } from '@quartier/contracts-shared';
import { RpcClient } from '@quartier/messaging';

/** `attachment; filename="…"; filename*=UTF-8''…`: an ASCII fallback plus the exact UTF-8 name (RFC 6266). */
export function contentDisposition(fileName: string, inline = false): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${inline ? 'inline' : 'attachment'}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * Streams one stored version to the client chunk by chunk (each a NATS request below max_payload),
 * so a large file never sits whole in the gateway. Unknown documents and versions fail before
 * any header is sent (404); a failure mid-way aborts the response rather than sending a short file.
 */
export async function streamDocument(
  rpc: RpcClient,
  caller: Caller,
  id: string,
  version: number | undefined,
  inline = false,
): Promise<StreamableFile> {
  const info = await rpc.request<DownloadInfoResponse>(PortfolioSubjects.documentsDownload, { id, version }, caller);
  async function* chunks(): AsyncGenerator<Buffer> {
    for (let offset = 0; offset < info.size; ) {
      const chunk = await rpc.request<DownloadChunkResponse>(PortfolioSubjects.documentsDownloadChunk, { id, version: info.version, offset }, caller);
      const bytes = Buffer.from(chunk.data, 'base64');
      if (bytes.length === 0) throw new Error(`Document ${id} version ${info.version} ended at ${offset} of ${info.size} bytes`);
      offset += bytes.length;
      yield bytes;
    }
  }
  return new StreamableFile(Readable.from(chunks()), {
    type: info.contentType,
    disposition: contentDisposition(info.fileName, inline),
    length: info.size,
  });
}
