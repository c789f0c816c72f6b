import { RpcException } from '@nestjs/microservices';
import { Caller } from '@quartier/contracts-shared';
import type { PictureFile } from '../portals/channel-adapter';
import { PortalError } from '../portals/portal-error';
import { ListingEntity } from './listing.entity';
import { PortfolioDirectory } from './portfolio-directory.service';

/** One picture of the document store; a deleted document fails the job for good, portfolio being down is retried. */
export async function readDocumentPicture(portfolio: PortfolioDirectory, organizationId: string, documentId: string, title: string | null): Promise<PictureFile> {
  const system: Caller = { requestId: `publishing:${documentId}`, organizationId, roles: ['manager'], scopes: ['read'] };
  try {
    const file = await portfolio.document(system, documentId);
    return { title, fileName: file.fileName, contentType: file.contentType, bytes: file.bytes };
  } catch (error) {
    const status = error instanceof RpcException ? (error.getError() as { status?: number }).status : undefined;
    if (status === 404) throw new PortalError(`Picture document ${documentId} no longer exists in portfolio`, false);
    throw new PortalError(`Picture document ${documentId} could not be read from portfolio`, true);
  }
}

/** The listing's pictures that are documents, in the listing's order. */
export async function documentPictures(portfolio: PortfolioDirectory, listing: ListingEntity): Promise<PictureFile[]> {
  const pictures: PictureFile[] = [];
  for (const image of listing.images) {
    if (image.documentId) pictures.push(await readDocumentPicture(portfolio, listing.organizationId, image.documentId, image.title ?? null));
  }
  return pictures;
}
