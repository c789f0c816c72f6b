import { FastifyRequest } from 'fastify';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { Readable } from 'node:stream';
import { DocumentOperations, UNSUPPORTED_DOCUMENT_MESSAGE, isAcceptedFileName } from '@quartier/contracts-portfolio';
import { Caller, CommonErrorCode } from '@quartier/contracts-shared';
import { OperationClient, flattenValidationErrors } from '@quartier/messaging';
import { unsafeInputProblem } from '../../platform/input-guard';
import { ProblemException } from '../../platform/problem';

/** A file received from the client and staged in portfolio, with the multipart fields sent beside it. */
export interface ReceivedUpload {
  uploadId: string;
  fileName: string;
  size: number;
  fields: Record<string, string | string[]>;
}

function unsupportedDocumentType(): ProblemException {
  return new ProblemException(415, CommonErrorCode.UNSUPPORTED_MEDIA_TYPE, `${UNSUPPORTED_DOCUMENT_MESSAGE}; send it as multipart/form-data field "file"`);
}

function tooLarge(maxBytes: number): ProblemException {
  return new ProblemException(413, CommonErrorCode.PAYLOAD_TOO_LARGE, `The file is larger than ${maxBytes} bytes`, [], { maxBytes });
}

function invalid(field: string, message: string): ProblemException {
  return new ProblemException(422, CommonErrorCode.VALIDATION_FAILED, 'The request is invalid', [{ field, message }]);
}

/**
 * Streams the multipart file to portfolio in chunks of `chunkBytes` (below NATS' max_payload, see
 * DOCUMENT_CHUNK_BYTES) as it arrives, so neither the gateway nor a NATS message ever holds the
 * whole file, and the gateway stays stateless with no access to the storage backend. Portfolio
 * stages the chunks and moves them to storage when the document (or version) is created.
 *
 * On any failure the rest of the request is still read (so the client receives the problem
 * instead of a reset connection) and the staged upload is discarded.
 */
export async function receiveUpload(request: FastifyRequest, operations: OperationClient, caller: Caller): Promise<ReceivedUpload> {
  if (!request.isMultipart()) throw unsupportedDocumentType();
  const { uploadId, maxBytes, chunkBytes } = await operations.send(DocumentOperations.uploadStart, {}, caller);
  const fields: Record<string, string | string[]> = {};
  let file: { fileName: string; size: number } | undefined;
  let failure: unknown;
  const parts = request.parts({ limits: { fileSize: maxBytes, files: 1, fields: 20, fieldSize: 10_000 } });
  try {
    for await (const part of parts) {
      if (part.type === 'field') {
        addField(fields, part.fieldname, String(part.value));
        continue;
      }
      if (failure !== undefined || file !== undefined || part.fieldname !== 'file') {
        failure ??= invalid(part.fieldname, 'only one file, in the field "file", may be sent');
        await drain(part.file);
        continue;
      }
      if (!isAcceptedFileName(part.filename)) {
        failure = unsupportedDocumentType();
        await drain(part.file);
        continue;
      }
      // One iterator for sending and, after a failure, draining: leaving a for-await early would destroy the stream.
      const bytes = part.file[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
      try {
        const size = await sendChunks(bytes, { operations, caller, uploadId, chunkBytes });
        if (part.file.truncated) throw tooLarge(maxBytes);
        file = { fileName: part.filename, size };
      } catch (error) {
        failure = error;
        await drainIterator(bytes);
      }
    }
  } catch (error) {
    // The parser's own limit errors arrive after the whole request was read; an earlier failure says more.
    failure ??= error;
  }
  if (failure === undefined && file === undefined) failure = invalid('file', 'file is required');
  if (failure !== undefined || file === undefined) {
    await discard(operations, caller, uploadId);
    throw failure;
  }
  return { uploadId, fileName: file.fileName, size: file.size, fields };
}

/** The multipart fields as a validated DTO (422 naming the fields, the file name guarded too), or the staged upload is discarded. */
export async function validatedFields<T extends object>(
  type: new () => T,
  upload: ReceivedUpload,
  operations: OperationClient,
  caller: Caller,
): Promise<T> {
  const dto = plainToInstance(type, upload.fields);
  const problem = unsafeInputProblem(upload.fields, { file: upload.fileName }) ?? (await invalidFields(dto));
  if (!problem) return dto;
  await discard(operations, caller, upload.uploadId);
  throw problem;
}

async function invalidFields(dto: object): Promise<ProblemException | undefined> {
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length === 0) return undefined;
  return new ProblemException(422, CommonErrorCode.VALIDATION_FAILED, 'The request is invalid', flattenValidationErrors(errors));
}

/** Runs the call that turns the staged upload into a document or version; when it fails, the upload is discarded. */
export async function usingUpload<T>(operations: OperationClient, caller: Caller, upload: ReceivedUpload, store: () => Promise<T>): Promise<T> {
  try {
    return await store();
  } catch (error) {
    await discard(operations, caller, upload.uploadId);
    throw error;
  }
}

function discard(operations: OperationClient, caller: Caller, uploadId: string): Promise<unknown> {
  // Best effort: portfolio also drops unfinished uploads after DOCUMENT_UPLOAD_TTL_MINUTES.
  return operations.send(DocumentOperations.uploadDiscard, { uploadId }, caller).catch(() => undefined);
}

function addField(fields: Record<string, string | string[]>, name: string, value: string): void {
  const existing = fields[name];
  fields[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
}

interface ChunkTarget {
  operations: OperationClient;
  caller: Caller;
  uploadId: string;
  chunkBytes: number;
}

/** Sends full chunks as the bytes arrive, the remainder at the end; returns the file size. */
async function sendChunks(stream: AsyncIterator<Buffer>, target: ChunkTarget): Promise<number> {
  let pending: Buffer = Buffer.alloc(0);
  let index = 0;
  let size = 0;
  const send = async (bytes: Buffer): Promise<void> => {
    const data = bytes.toString('base64');
    await target.operations.send(DocumentOperations.uploadChunk, { uploadId: target.uploadId, index, data }, target.caller);
    index += 1;
  };
  for (let next = await stream.next(); !next.done; next = await stream.next()) {
    const bytes = next.value;
    size += bytes.length;
    pending = pending.length === 0 ? bytes : Buffer.concat([pending, bytes]);
    while (pending.length >= target.chunkBytes) {
      await send(pending.subarray(0, target.chunkBytes));
      pending = pending.subarray(target.chunkBytes);
    }
  }
  if (pending.length > 0) await send(pending);
  return size;
}

async function drain(stream: Readable): Promise<void> {
  await drainIterator(stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>);
}

/** Reads to the end; a broken stream (the client went away) simply ends it. */
async function drainIterator(stream: AsyncIterator<Buffer>): Promise<void> {
  try {
    while (!(await stream.next()).done) continue;
  } catch {
    return;
  }
}
