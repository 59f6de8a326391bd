import { nameAndAddressKey } from './repeat-objector';

describe('nameAndAddressKey', () => {
  it('recognises the same person however name, postcode and house number are typed', () => {
    const a = nameAndAddressKey({
      name: 'Bo  de Vries',
      address: { postalCode: '4101 ab', houseNumber: '12 A' },
    });
    const b = nameAndAddressKey({
      name: 'bo de vries',
      address: { postalCode: '4101AB', houseNumber: '12a' },
    });
    expect(a).toBe('bo de vries|4101AB|12a');
    expect(b).toBe(a);
    expect(
      nameAndAddressKey({ name: 'Zoë Çelik', address: { postalCode: '1234AB', houseNumber: '1' } }),
    ).toBe('zoe celik|1234AB|1');
  });

  it('has no key without an address', () => {
    expect(nameAndAddressKey({ name: 'Bo de Vries' })).toBeNull();
  });
});
