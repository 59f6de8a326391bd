import { ValidationArguments, ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
import { parseLocalDate } from '../local-date';

/** A real calendar day written as YYYY-MM-DD (2026-02-30 is refused). */
@ValidatorConstraint({ name: 'isLocalDate' })
export class IsLocalDateConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && parseLocalDate(value) !== null;
  }

  defaultMessage(args: ValidationArguments): string {
    return `${args.property} moet een bestaande datum zijn in de vorm JJJJ-MM-DD, bijvoorbeeld 2026-11-02.`;
  }
}
