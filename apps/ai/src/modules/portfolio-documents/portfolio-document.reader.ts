import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DocumentOperations, DownloadInfoResponse } from '@quartier/contracts-portfolio';
import { Caller } from '@quartier/contracts-shared';
import { OperationClient } from '@quartier/messaging';

/** Reads one version of a portfolio document over NATS, chunk by chunk, and checks its SHA-256. */
@Injectable()
export class PortfolioDocumentReader {
  constructor(private readonly operations: OperationClient) {}

  async read(caller: Caller, documentId: string, version: number): Promise<{ info: DownloadInfoResponse; bytes: Buffer }> {
    const info = await this.operations.send(DocumentOperations.download, { id: documentId, version }, caller);
    const parts: Buffer[] = [];
    let offset = 0;
    while (offset < info.size) {
      const chunk = await this.operations.send(DocumentOperations.downloadChunk, { id: documentId, version: info.version, offset }, caller);
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
