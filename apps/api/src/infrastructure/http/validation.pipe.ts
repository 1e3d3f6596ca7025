import { ValidationPipe, type ValidationError as ClassValidationError } from '@nestjs/common';
import { type FieldError, ValidationError } from '@ib/domain';

const flatten = (errors: readonly ClassValidationError[], parent = ''): FieldError[] =>
  errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });

/** Bodies and parameters are checked before any handler runs; unknown fields are refused. */
export const createValidationPipe = () =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) =>
      new ValidationError('REQUEST.INVALID', 'The request has invalid fields', flatten(errors)),
  });
