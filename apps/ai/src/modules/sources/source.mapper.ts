import { SourceView } from '@quartier/contracts-ai';
import { SourceEntity } from './source.entity';

export function toSourceView(source: SourceEntity): SourceView {
  return {
    id: source.id,
    title: source.title,
    sourceRef: source.sourceRef,
    kind: source.kind,
    visibility: source.visibility,
    fileName: source.fileName,
    contentType: source.contentType,
    status: source.status,
    error: source.error,
    chunkCount: source.chunkCount,
    charCount: source.charCount,
    revision: source.revision,
    createdAt: source.createdAt.toISOString(),
    updatedAt: source.updatedAt.toISOString(),
  };
}
