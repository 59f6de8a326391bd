import { plainToInstance, Type } from 'class-transformer';
import { IsEmail, IsString, ValidateNested } from 'class-validator';
import { validate } from 'class-validator';
import { ProblemError } from './problem.error';
import { fieldErrors, malformedTextFields, validateInput, validationPipe } from './validation';

class Address {
  @IsString({ message: 'Vul de straat in.' }) street!: string;
}
class Person {
  @IsEmail({}, { message: 'Vul een geldig e-mailadres in.' }) email!: string;
  @ValidateNested() @Type(() => Address) address!: Address;
}

describe('fieldErrors', () => {
  it('lists every invalid field with its dotted path, unknown fields in Dutch', async () => {
    const errors = await validate(
      plainToInstance(Person, { email: 'x', address: { street: 1 }, extra: true }),
      {
        whitelist: true,
        forbidNonWhitelisted: true,
      },
    );
    expect(fieldErrors(errors)).toEqual(
      expect.arrayContaining([
        { field: 'email', message: 'Vul een geldig e-mailadres in.' },
        { field: 'address.street', message: 'Vul de straat in.' },
        { field: 'extra', message: 'Dit veld is onbekend.' },
      ]),
    );
    expect(fieldErrors(errors)).toHaveLength(3);
  });
});

describe('malformed text', () => {
  it('names every field holding half of a surrogate pair, and passes whole pairs and plain text', () => {
    const input = {
      email: '\ud800',
      address: { street: 'a\udc00b' },
      names: ['ok', '\ud83d'],
      emoji: '\ud83d\ude00',
    };
    expect(malformedTextFields(input)).toEqual([
      { field: 'email', message: 'Deze tekst bevat ongeldige tekens.' },
      { field: 'address.street', message: 'Deze tekst bevat ongeldige tekens.' },
      { field: 'names.1', message: 'Deze tekst bevat ongeldige tekens.' },
    ]);
    expect(malformedTextFields({ name: 'Zoë', n: 3, none: null })).toEqual([]);
  });

  it('is refused as a 400 problem before any rule runs (the e-mail rule would throw on it)', async () => {
    const body = { email: '\ud800', address: { street: 'Dijkstraat' } };
    await expect(validateInput(Person, body)).rejects.toMatchObject({ status: 400 });
    await expect(validationPipe.transform(body, { type: 'body', metatype: Person })).rejects.toBeInstanceOf(
      ProblemError,
    );
  });
});
