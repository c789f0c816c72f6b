import { ArgumentMetadata, Injectable, PipeTransform, SetMetadata, UsePipes, ValidationPipe, applyDecorators } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { RpcParamtype } from '@nestjs/microservices/enums/rpc-paramtype.enum';
import { isAllowed } from '@quartier/auth';
import { AnyOperation, Caller, DtoClass, ResponseOf } from '@quartier/contracts-shared';
import { forbidden } from './rpc-errors';
import { rpcValidationPipe } from './validation';

/**
 * Checks a handler's payload against the operation's request class. The global pipe has already
 * validated a payload declared with that class (it arrives as an instance): that one passes as it
 * is, so a payload is validated once per hop.
 */
@Injectable()
export class OperationPayloadPipe implements PipeTransform {
  private readonly validation: ValidationPipe = rpcValidationPipe();

  constructor(private readonly request: DtoClass<object>) {}

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (Number(metadata.type) !== RpcParamtype.PAYLOAD || value instanceof this.request) return value;
    return this.validation.transform(value ?? {}, { type: 'body', metatype: this.request, data: metadata.data });
  }
}

/** The descriptor a handler serves, for interceptors that follow it (idempotency). */
export const OPERATION_METADATA = 'quartier:operation';

/**
 * Binds a handler to an operation: its subject (answered in the service's queue group, see
 * PrefixedNatsServer), its request class (the payload is validated against it) and its response
 * type (the handler must return it).
 */
export function HandlesOperation<Operation extends AnyOperation>(operation: Operation) {
  return <Handler extends (...args: never[]) => ResponseOf<Operation> | Promise<ResponseOf<Operation>>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<Handler>,
  ): void => {
    applyDecorators(
      MessagePattern(operation.subject),
      SetMetadata(OPERATION_METADATA, operation),
      UsePipes(new OperationPayloadPipe(operation.request)),
    )(target, key, descriptor);
  };
}

/**
 * The operation's roles and scopes, checked again by the service for a caller it was handed: the
 * gateway checks them for HTTP callers, this covers every other caller on the bus.
 */
export function assertOperationAccess(operation: AnyOperation, caller: Caller): void {
  if (operation.access === 'public' || isAllowed(caller, operation.access)) return;
  throw forbidden('Your role does not allow this action');
}
