import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
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

/** With the u flag a lone half of a surrogate pair is a code point of its own, in category Cs. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * The fields holding text that is not Unicode (half of a surrogate pair, from a JSON \ud800 escape): no rule
 * can judge such text (some validators throw on it) and nothing can store it, so it is refused first.
 */
export function malformedTextFields(value: unknown, path = ''): FieldError[] {
  if (typeof value === 'string') {
    return LONE_SURROGATE.test(value) ? [{ field: path, message: 'Deze tekst bevat ongeldige tekens.' }] : [];
  }
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    malformedTextFields(inner, path ? `${path}.${key}` : key),
  );
}

function refuseMalformedText(value: unknown): void {
  const malformed = malformedTextFields(value);
  if (malformed.length) throw ProblemError.invalid(malformed);
}

/** Nest's pipe, after refusing malformed text; every field error as a 400 problem. */
class ProblemValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') refuseMalformedText(value);
    return super.transform(value, metadata);
  }
}

export const validationPipe = new ProblemValidationPipe({
  ...VALIDATOR_OPTIONS,
  transform: true,
  exceptionFactory: (errors) => ProblemError.invalid(fieldErrors(errors)),
});

/** Validates a plain object as `type` where no pipe runs (guards, multipart parts): a 400 problem or the DTO. */
export async function validateInput<T extends object>(type: new () => T, input: unknown): Promise<T> {
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    throw ProblemError.invalid([], 'Het verzoek moet een JSON-object zijn.');
  }
  refuseMalformedText(input);
  const instance = plainToInstance(type, input);
  const errors = await validate(instance, VALIDATOR_OPTIONS);
  if (errors.length) throw ProblemError.invalid(fieldErrors(errors));
  return instance;
}
