import { Param, ParseUUIDPipe, ValidationPipe } from '@nestjs/common';
import { CommonErrorCode } from '@quartier/contracts-shared';
import { flattenValidationErrors } from '@quartier/messaging';
import { ProblemException } from './problem';

/** Bodies and queries are checked at the edge with the contract classes: 422 with the field list. */
export function edgeValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    exceptionFactory: (errors) =>
      new ProblemException(422, CommonErrorCode.VALIDATION_FAILED, 'The request is invalid', flattenValidationErrors(errors)),
  });
}

/** A path id that must be a UUID; anything else is a 422 naming the parameter. */
export function UuidParam(name = 'id'): ParameterDecorator {
  return Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () =>
        new ProblemException(422, CommonErrorCode.VALIDATION_FAILED, 'The request is invalid', [
          { field: name, message: `${name} must be a UUID` },
        ]),
    }),
  );
}
