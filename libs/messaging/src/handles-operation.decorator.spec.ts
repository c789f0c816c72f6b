import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import { RpcParamtype } from '@nestjs/microservices/enums/rpc-paramtype.enum';
import { RpcException } from '@nestjs/microservices';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import { Caller, EmptyRequest, defineOperation } from '@quartier/contracts-shared';
import { HandlesOperation, OperationPayloadPipe, assertOperationAccess } from './handles-operation.decorator';

class CountDto {
  @ApiProperty() @IsInt() @Min(1) count!: number;
}

const count = defineOperation({
  service: 'library',
  subject: 'library.v1.books.count',
  request: CountDto,
  response: CountDto,
  access: { scopes: ['write'], roles: ['owner', 'admin'] },
  paged: false,
  idempotency: 'safe',
  errors: {},
});

class BooksController {
  @HandlesOperation(count)
  count(dto: CountDto): CountDto {
    return dto;
  }
}

const payload = { type: RpcParamtype.PAYLOAD as unknown as 'body', metatype: Object };

describe('HandlesOperation', () => {
  it('binds the handler to the operation’s subject', () => {
    expect(Reflect.getMetadata(PATTERN_METADATA, BooksController.prototype.count)).toEqual(['library.v1.books.count']);
  });

  it('validates a payload against the request class once: an instance the global pipe made passes as it is', async () => {
    const pipe = new OperationPayloadPipe(CountDto);
    await expect(pipe.transform({ count: '3' }, payload)).rejects.toBeInstanceOf(RpcException);
    await expect(pipe.transform({ count: 3, extra: true }, payload)).rejects.toBeInstanceOf(RpcException);
    await expect(pipe.transform({ count: 3 }, payload)).resolves.toBeInstanceOf(CountDto);
    const validated = Object.assign(new CountDto(), { count: 0 });
    expect(pipe.transform(validated, payload)).toBe(validated);
    // The caller and other parameters are not the payload.
    expect(new OperationPayloadPipe(EmptyRequest).transform('x', { type: 'custom', metatype: Object })).toBe('x');
  });

  it('checks the operation’s roles and scopes for any caller', () => {
    const caller = (roles: Caller['roles'], scopes: Caller['scopes']): Caller => ({ requestId: 'r', roles, scopes });
    expect(() => assertOperationAccess(count, caller(['admin'], ['read', 'write']))).not.toThrow();
    expect(() => assertOperationAccess(count, caller(['manager'], ['read', 'write', 'delete']))).toThrow(RpcException);
    expect(() => assertOperationAccess(count, caller(['owner'], ['read']))).toThrow(RpcException);
  });
});
