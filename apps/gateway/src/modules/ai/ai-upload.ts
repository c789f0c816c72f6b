import { FastifyRequest } from 'fastify';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { AI_UPLOAD_CONTENT_TYPES, AI_UPLOAD_MAX_BYTES, UploadDocumentMessageDto, UploadFieldsDto } from '@quartier/contracts-ai';
import { CommonErrorCode } from '@quartier/contracts-shared';
import { flattenValidationErrors } from '@quartier/messaging';
import { unsafeInputProblem } from '../../platform/input-guard';
import { ProblemException } from '../../platform/problem';

function notMultipart(): ProblemException {
  return new ProblemException(
    415,
    CommonErrorCode.UNSUPPORTED_MEDIA_TYPE,
    `Send the file as multipart/form-data field "file" (${AI_UPLOAD_CONTENT_TYPES.join(', ')})`,
  );
}

function invalid(field: string, message: string): ProblemException {
  return new ProblemException(422, CommonErrorCode.VALIDATION_FAILED, 'The request is invalid', [{ field, message }]);
}

/**
 * Reads `POST /ai/upload`: one file (at most AI_UPLOAD_MAX_BYTES, so its base64 fits one NATS
 * message) and the optional fields title, sourceRef and visibility. The ai service decides the
 * file type from the declared type, the name and the bytes.
 */
export async function readAiUpload(request: FastifyRequest): Promise<UploadDocumentMessageDto> {
  if (!request.isMultipart()) throw notMultipart();
  const fields: Record<string, string> = {};
  let file: { fileName: string; contentType: string; bytes: Buffer } | undefined;
  let failure: ProblemException | undefined;
  try {
    for await (const part of request.parts({ limits: { fileSize: AI_UPLOAD_MAX_BYTES, files: 1, fields: 10, fieldSize: 1000 } })) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      const bytes = await part.toBuffer().catch(() => undefined);
      if (part.fieldname !== 'file') failure ??= invalid(part.fieldname, 'the file goes in the field "file"');
      else if (bytes === undefined || part.file.truncated) failure ??= tooLarge();
      else file = { fileName: part.filename, contentType: part.mimetype, bytes };
    }
  } catch (error) {
    if (failure) throw failure;
    const status = (error as { statusCode?: number }).statusCode;
    throw status === 413 ? tooLarge() : invalid('file', 'the multipart body cannot be read');
  }
  if (failure) throw failure;
  if (!file) throw invalid('file', 'file is required');
  const unsafe = unsafeInputProblem(fields, { file: file.fileName });
  if (unsafe) throw unsafe;
  const dto = plainToInstance(UploadFieldsDto, fields);
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw new ProblemException(422, CommonErrorCode.VALIDATION_FAILED, 'The request is invalid', flattenValidationErrors(errors));
  return { ...fields, fileName: file.fileName, contentType: file.contentType, data: file.bytes.toString('base64') };
}

function tooLarge(): ProblemException {
  return new ProblemException(413, CommonErrorCode.PAYLOAD_TOO_LARGE, `The file is larger than ${AI_UPLOAD_MAX_BYTES} bytes`, [], {
    maxBytes: AI_UPLOAD_MAX_BYTES,
  });
}
