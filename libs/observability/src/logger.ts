import { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';
import { currentContext } from './request-context';
import { redactSecretParams } from './secret-params';

/** Keys whose values never reach a log line, wherever they appear. */
export const REDACTED_PATHS = [
  'password',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.refreshToken',
  '*.accessToken',
  '*.token',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
];

function redactedText(value: unknown): unknown {
  return typeof value === 'string' ? redactSecretParams(value) : value;
}

/** Errors may quote the URL they failed on (e.g. `?token=`). */
function redactedError(error: unknown): unknown {
  if (!(error instanceof Error)) return redactedText(error);
  const serialized = pino.stdSerializers.err(error);
  return { ...serialized, message: redactSecretParams(serialized.message), stack: redactSecretParams(serialized.stack) };
}

/**
 * JSON logs on stdout; each line carries the request context of the async call chain. The one place
 * that keeps credentials in URLs out of the logs: logged `url`/`path` fields, messages and errors.
 */
export function createLogger(service: string, level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      serializers: { url: redactedText, path: redactedText, err: redactedError },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map(redactedText) as Parameters<typeof method>);
        },
      },
      mixin: () => {
        const context = currentContext();
        return context ? { ...context } : {};
      },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

/** Lets Nest's own messages go through the same JSON logger. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}
