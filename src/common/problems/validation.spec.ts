import { plainToInstance, Type } from 'class-transformer';
import { IsEmail, IsString, ValidateNested } from 'class-validator';
import { validate } from 'class-validator';
import { fieldErrors } from './validation';

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
