import { Principal } from '@quartier/auth';
import { ProblemException } from './problem';

/** What the gateway's Fastify hooks learn about a request before Nest handles it. */
declare module 'fastify' {
  interface FastifyRequest {
    requestId: string;
    traceparent: string;
    principal?: Principal;
    authFailure?: ProblemException;
  }
}
