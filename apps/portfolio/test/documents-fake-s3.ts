import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';

export interface S3Call {
  method: string;
  bucket: string;
  key: string;
  range?: string;
}

export interface FakeS3 {
  url: string;
  calls: S3Call[];
  /** Stored objects by `bucket/key`. */
  objects: Map<string, Buffer>;
  close(): Promise<void>;
}

/**
 * A small local server speaking the S3 REST wire format (path-style addressing, SigV4
 * Authorization header, XML errors, ranged GET with 206/416) for the calls the document store
 * makes: PutObject, GetObject and DeleteObject, so the official @aws-sdk/client-s3 is exercised.
 */
export async function startFakeS3(options: { bucket: string; accessKeyId: string }): Promise<FakeS3> {
  const calls: S3Call[] = [];
  const objects = new Map<string, Buffer>();
  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: Error) => sendError(response, 500, 'InternalError', error.message));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://s3.local');
    const [, bucket, ...keyParts] = url.pathname.split('/');
    const key = keyParts.map(decodeURIComponent).join('/');
    const body = await readBody(request);
    const range = header(request, 'range');
    calls.push({ method: request.method ?? '', bucket, key, ...(range ? { range } : {}) });
    const authorization = header(request, 'authorization') ?? '';
    if (!authorization.startsWith(`AWS4-HMAC-SHA256 Credential=${options.accessKeyId}/`)) {
      return sendError(response, 403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
    }
    if (bucket !== options.bucket) return sendError(response, 404, 'NoSuchBucket', 'The specified bucket does not exist');
    const id = `${bucket}/${key}`;
    if (request.method === 'PUT') {
      const content = isAwsChunked(request) ? decodeAwsChunked(body) : body;
      if (Number(header(request, 'x-amz-decoded-content-length') ?? content.length) !== content.length) {
        return sendError(response, 400, 'IncompleteBody', 'You did not provide the number of bytes specified by the Content-Length HTTP header');
      }
      objects.set(id, content);
      response.writeHead(200, { etag: `"${content.length.toString(16)}"` });
      return void response.end();
    }
    if (request.method === 'GET') {
      const object = objects.get(id);
      if (!object) return sendError(response, 404, 'NoSuchKey', 'The specified key does not exist.');
      if (!range) {
        response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': object.length });
        return void response.end(object);
      }
      const match = /^bytes=(\d+)-(\d+)?$/.exec(range);
      const start = Number(match?.[1] ?? NaN);
      if (!match || start >= object.length) return sendError(response, 416, 'InvalidRange', 'The requested range is not satisfiable');
      const end = Math.min(match[2] === undefined ? object.length - 1 : Number(match[2]), object.length - 1);
      const slice = object.subarray(start, end + 1);
      response.writeHead(206, {
        'content-type': 'application/octet-stream',
        'content-length': slice.length,
        'content-range': `bytes ${start}-${end}/${object.length}`,
      });
      return void response.end(slice);
    }
    if (request.method === 'DELETE') {
      objects.delete(id);
      response.writeHead(204);
      return void response.end();
    }
    sendError(response, 405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    objects,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function sendError(response: ServerResponse, status: number, code: string, message: string): void {
  response.writeHead(status, { 'content-type': 'application/xml' });
  response.end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>fake</RequestId></Error>`);
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function isAwsChunked(request: IncomingMessage): boolean {
  return (header(request, 'content-encoding') ?? '').includes('aws-chunked') || (header(request, 'x-amz-content-sha256') ?? '').startsWith('STREAMING-');
}

/** `<hex size>[;chunk-signature=…]\r\n<bytes>\r\n` … `0\r\n` followed by optional trailers. */
function decodeAwsChunked(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', offset);
    const size = parseInt(body.subarray(offset, lineEnd).toString('latin1').split(';')[0], 16);
    if (!size) return Buffer.concat(parts);
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
