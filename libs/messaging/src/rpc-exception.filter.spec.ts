import { ArgumentsHost, Logger } from '@nestjs/common';
import { firstValueFrom, Observable } from 'rxjs';
import { QueryFailedError } from 'typeorm';
import { RpcErrorBody } from '@quartier/contracts-shared';
import { AllRpcExceptionsFilter } from './rpc-exception.filter';

const rpcHost = { getType: () => 'rpc' } as unknown as ArgumentsHost;

function answerTo(exception: unknown): Promise<RpcErrorBody> {
  const answer = new AllRpcExceptionsFilter().catch(exception, rpcHost) as Observable<never>;
  return firstValueFrom(answer).catch((body: RpcErrorBody) => body);
}

describe('AllRpcExceptionsFilter', () => {
  beforeAll(() => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });

  it('answers a lost database connection with a 503 the caller may retry', async () => {
    const terminated = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    await expect(answerTo(new QueryFailedError('SELECT 1', [], terminated))).resolves.toEqual({
      status: 503,
      code: 'SERVICE_UNAVAILABLE',
      message: 'The database is unavailable; try again shortly',
    });
    await expect(answerTo(new Error('Connection terminated unexpectedly'))).resolves.toMatchObject({ status: 503 });
  });

  it('keeps any other failure a bare 500 without its SQL', async () => {
    const broken = Object.assign(new Error('column "secret" does not exist'), { code: '42703' });
    const body = await answerTo(new QueryFailedError('SELECT secret FROM units', [], broken));
    expect(body).toEqual({ status: 500, code: 'INTERNAL', message: 'Internal server error' });
  });
});
