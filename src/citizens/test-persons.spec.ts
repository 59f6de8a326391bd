import { isValidBsn } from './bsn';
import { citizenFromClaims } from './citizen-claims';
import { TEST_PERSONS } from './test-persons';

describe('TEST_PERSONS of the DigiD simulation', () => {
  it.each(TEST_PERSONS.map((p) => [p.name, p]))(
    '%s has a valid test BSN and a usable address',
    (_, person) => {
      expect(isValidBsn(person.bsn)).toBe(true);
      expect(citizenFromClaims({ sub: 'x', ...person })).toMatchObject({ address: person.address });
    },
  );

  it('has distinct keys and BSNs', () => {
    expect(new Set(TEST_PERSONS.map((p) => p.key)).size).toBe(TEST_PERSONS.length);
    expect(new Set(TEST_PERSONS.map((p) => p.bsn)).size).toBe(TEST_PERSONS.length);
  });
});
