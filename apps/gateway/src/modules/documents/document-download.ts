import { StreamableFile } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { DocumentOperations } from '@quartier/contracts-portfolio';
import { Caller } from '@quartier/contracts-shared';
import { OperationClient } from '@quartier/messaging';

/** `attachment; filename="…"; filename*=UTF-8''…`: an ASCII fallback plus the exact UTF-8 name (RFC 6266). */
export function contentDisposition(fileName: string, inline = false): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${inline ? 'inline' : 'attachment'}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** RFC 9530 `Repr-Digest` of a stored file, from its hex SHA-256. */
export function reprDigest(sha256Hex: string): string {
  return `sha-256=:${Buffer.from(sha256Hex, 'hex').toString('base64')}:`;
}

export interface DownloadRequest {
  id: string;
  version?: number;
  inline?: boolean;
}

/**
 * Streams one stored version to the client chunk by chunk (each a NATS request below max_payload),
 * so a large file never sits whole in the gateway. Unknown documents and versions fail before
 * any header is sent (404). A failure mid-way, or bytes that do not match the stored SHA-256,
 * abort the response rather than completing a short or corrupted file.
 */
export async function streamDocument(operations: OperationClient, caller: Caller, download: DownloadRequest, reply: FastifyReply): Promise<StreamableFile> {
  const { id } = download;
  const info = await operations.send(DocumentOperations.download, { id, version: download.version }, caller);
  async function* chunks(): AsyncGenerator<Buffer> {
    const hash = createHash('sha256');
    for (let offset = 0; offset < info.size; ) {
      const chunk = await operations.send(DocumentOperations.downloadChunk, { id, version: info.version, offset }, caller);
      const bytes = Buffer.from(chunk.data, 'base64');
      if (bytes.length === 0) throw new Error(`Document ${id} version ${info.version} ended at ${offset} of ${info.size} bytes`);
      offset += bytes.length;
      hash.update(bytes);
      if (offset >= info.size && hash.digest('hex') !== info.sha256) throw new Error(`Document ${id} version ${info.version} does not match its SHA-256`);
      yield bytes;
    }
  }
  reply.header('repr-digest', reprDigest(info.sha256)).header('cache-control', 'private, no-cache');
  return new StreamableFile(Readable.from(chunks()), {
    type: info.contentType,
    disposition: contentDisposition(info.fileName, download.inline),
    length: info.size,
  });
}
