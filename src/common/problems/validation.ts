import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, ProblemError } from './problem.error';

/** Flattens class-validator's tree into one entry per field, with dotted paths. */
export function fieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      message: rule === 'whitelistValidation' ? 'Dit veld is onbekend.' : message,
    }));
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
}

/** Unknown fields are refused; each field reports the first rule it breaks. */
export const VALIDATOR_OPTIONS = { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true };

export const validationPipe = new ValidationPipe({
  ...VALIDATOR_OPTIONS,
  transform: true,
  exceptionFactory: (errors) => ProblemError.invalid(fieldErrors(errors)),
});
