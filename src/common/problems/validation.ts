import { ValidationError, ValidationPipe } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
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

/** Validates a plain object as `type` where no pipe runs (guards, multipart parts): a 400 problem or the DTO. */
export async function validateInput<T extends object>(type: new () => T, input: unknown): Promise<T> {
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    throw ProblemError.invalid([], 'Het verzoek moet een JSON-object zijn.');
  }
  const instance = plainToInstance(type, input);
  const errors = await validate(instance, VALIDATOR_OPTIONS);
  if (errors.length) throw ProblemError.invalid(fieldErrors(errors));
  return instance;
}
