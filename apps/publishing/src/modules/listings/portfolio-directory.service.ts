import { Injectable } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { Caller, OrgCaller } from '@quartier/contracts-shared';
import { DownloadChunkResponse, DownloadInfoResponse, PortfolioSubjects, PropertyResponse, UnitResponse } from '@quartier/contracts-portfolio';
import { RpcClient, RpcError, notFound, rpcError } from '@quartier/messaging';

export interface DocumentFile {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

/** Asks portfolio for properties, units and document files of the caller's organization (another organization's is a 404 there, and here). */
@Injectable()
export class PortfolioDirectory {
  constructor(private readonly rpc: RpcClient) {}

  property(caller: OrgCaller, id: string): Promise<PropertyResponse> {
    return this.ask(() => this.rpc.request<PropertyResponse>(PortfolioSubjects.propertiesGet, { id }, caller), 'Property', id);
  }

  unit(caller: OrgCaller, id: string): Promise<UnitResponse> {
    return this.ask(() => this.rpc.request<UnitResponse>(PortfolioSubjects.unitsGet, { id }, caller), 'Unit', id);
  }

  /** The current version of a document, read in portfolio's chunks. */
  async document(caller: Caller, id: string): Promise<DocumentFile> {
    const info = await this.ask(() => this.rpc.request<DownloadInfoResponse>(PortfolioSubjects.documentsDownload, { id }, caller), 'Document', id);
    const chunks: Buffer[] = [];
    for (let offset = 0; offset < info.size; offset += info.chunkBytes) {
      const chunk = await this.ask(
        () => this.rpc.request<DownloadChunkResponse>(PortfolioSubjects.documentsDownloadChunk, { id, version: info.version, offset }, caller),
        'Document',
        id,
      );
      chunks.push(Buffer.from(chunk.data, 'base64'));
    }
    return { fileName: info.fileName, contentType: info.contentType, bytes: Buffer.concat(chunks) };
  }

  private async ask<T>(call: () => Promise<T>, entity: string, id: string): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof RpcError)) throw error;
      if (error.status === 404) throw notFound(entity, id);
      // Portfolio down or slow is not the caller's fault: 503/504 as portfolio said.
      if (error.status === 503 || error.status === 504) throw new RpcException(error.body);
      throw rpcError(error.status, error.code, `portfolio: ${error.message}`);
    }
  }
}
