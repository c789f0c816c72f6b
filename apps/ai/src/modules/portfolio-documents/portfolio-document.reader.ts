import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DownloadChunkResponse, DownloadInfoResponse, PortfolioSubjects } from '@quartier/contracts-portfolio';
import { Caller } from '@quartier/contracts-shared';
import { RpcClient } from '@quartier/messaging';

/** Reads one version of a portfolio document over NATS, chunk by chunk, and checks its SHA-256. */
@Injectable()
export class PortfolioDocumentReader {
  constructor(private readonly rpc: RpcClient) {}

  async read(caller: Caller, documentId: string, version: number): Promise<{ info: DownloadInfoResponse; bytes: Buffer }> {
    const info = await this.rpc.request<DownloadInfoResponse>(PortfolioSubjects.documentsDownload, { id: documentId, version }, caller);
    const parts: Buffer[] = [];
    let offset = 0;
    while (offset < info.size) {
      const chunk = await this.rpc.request<DownloadChunkResponse>(PortfolioSubjects.documentsDownloadChunk, { id: documentId, version: info.version, offset }, caller);
      const bytes = Buffer.from(chunk.data, 'base64');
      if (bytes.length === 0) break;
      parts.push(bytes);
      offset += bytes.length;
    }
    const bytes = Buffer.concat(parts);
    if (bytes.length !== info.size || createHash('sha256').update(bytes).digest('hex') !== info.sha256) {
      throw new Error(`Document ${documentId} version ${info.version} arrived incomplete`);
    }
    return { info, bytes };
  }
}
