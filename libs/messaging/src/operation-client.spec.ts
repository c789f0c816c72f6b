import { ApiProperty } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { Caller, CommonErrorCode, defineOperation } from '@quartier/contracts-shared';
import { OperationClient, isOperationError } from './operation-client';
import { RpcClient } from './rpc-client';
import { RpcError } from './rpc-errors';

class ShelfDto {
  @ApiProperty() @IsString() name!: string;
}

const create = defineOperation({
  service: 'library',
  subject: 'library.v1.shelves.create',
  request: ShelfDto,
  response: ShelfDto,
  access: { scopes: ['write'] },
  paged: false,
  idempotency: 'none',
  errors: { SHELF_EXISTS: 409 },
  timeoutMs: 9_000,
});

const list = defineOperation({
  service: 'library',
  subject: 'library.v1.shelves.list',
  request: ShelfDto,
  response: ShelfDto,
  access: { scopes: ['read'] },
  paged: false,
  idempotency: 'safe',
  errors: {},
});

const caller: Caller = { requestId: 'r-1', organizationId: 'o-1', userId: 'u-1', roles: ['owner'], scopes: ['write'] };

function rpcAnswering(answer: () => Promise<unknown>): { rpc: RpcClient; request: jest.Mock } {
  const request = jest.fn(answer);
  // Only request() is used: no NATS connection behind it.
  const rpc = Object.assign(Object.create(RpcClient.prototype) as RpcClient, { request });
  return { rpc, request };
}

describe('OperationClient', () => {
  it('requests the operation’s subject with its deadline, unless the call names one', async () => {
    const { rpc, request } = rpcAnswering(async () => ({ name: 'Krimis' }));
    const client = new OperationClient(rpc);
    await expect(client.send(create, { name: 'Krimis' }, caller)).resolves.toEqual({ name: 'Krimis' });
    expect(request).toHaveBeenLastCalledWith('library.v1.shelves.create', { name: 'Krimis' }, caller, 9_000, { safe: false });
    await client.send(create, { name: 'Krimis' }, caller, { timeoutMs: 50 });
    expect(request).toHaveBeenLastCalledWith('library.v1.shelves.create', { name: 'Krimis' }, caller, 50, { safe: false });
  });

  it('lets the client ask a safe operation once more, and nothing else', async () => {
    const { rpc, request } = rpcAnswering(async () => ({ name: 'Krimis' }));
    await new OperationClient(rpc).send(list, { name: 'Krimis' }, caller);
    expect(request).toHaveBeenLastCalledWith('library.v1.shelves.list', { name: 'Krimis' }, caller, undefined, { safe: true });
  });

  it('throws the RpcError, recognisable by the operation’s declared and the common codes', async () => {
    const exists = new RpcError({ status: 409, code: 'SHELF_EXISTS', message: 'exists' });
    const { rpc } = rpcAnswering(() => Promise.reject(exists));
    const failure = await new OperationClient(rpc).send(create, { name: 'Krimis' }, caller).catch((error: unknown) => error);
    expect(failure).toBe(exists);
    expect(isOperationError(create, failure)).toBe(true);
    expect(isOperationError(create, failure, 'SHELF_EXISTS')).toBe(true);
    expect(isOperationError(create, failure, CommonErrorCode.NOT_FOUND)).toBe(false);
    expect(isOperationError(create, new RpcError({ status: 418, code: 'TEAPOT', message: 'x' }))).toBe(false);
    expect(isOperationError(create, new Error('x'))).toBe(false);
  });
});
