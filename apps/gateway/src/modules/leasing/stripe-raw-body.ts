import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { FastifyInstance, FastifyRequest } from 'fastify';
import { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';

export const STRIPE_WEBHOOK_PATH = '/api/v1/payments/webhooks/stripe';

const rawBodies = new WeakMap<IncomingMessage, Buffer>();

/** The exact bytes Stripe signed, captured before JSON parsing (only on the webhook route). */
export function stripeRawBody(request: FastifyRequest): Buffer | undefined {
  return rawBodies.get(request.raw);
}

/**
 * Stripe signs the raw body; parsed and re-serialised JSON would not match. This keeps a copy of
 * the bytes of the webhook route only and hands Fastify an identical stream to parse as usual.
 */
@Injectable()
export class StripeRawBodyCapture implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('preParsing', async (request, _reply, payload) => {
      if (request.url.split('?')[0] !== STRIPE_WEBHOOK_PATH) return payload;
      const chunks: Buffer[] = [];
      for await (const chunk of payload) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
      const raw = Buffer.concat(chunks);
      rawBodies.set(request.raw, raw);
      const copy = Readable.from([raw]) as Readable & { receivedEncodedLength?: number };
      copy.receivedEncodedLength = raw.length;
      return copy;
    });
  }
}
