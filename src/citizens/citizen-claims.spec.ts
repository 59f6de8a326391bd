import { CitizenClaimsError, citizenFromClaims } from './citizen-claims';

const address = { street: 'Dijkstraat', houseNumber: '12a', postalCode: '4101 ab', city: 'Rivierstad' };

describe('citizenFromClaims', () => {
  it('keeps subject, BSN, name and address', () => {
    expect(citizenFromClaims({ sub: 'abc', bsn: '999993653', name: ' Bo de Vries ', address })).toEqual({
      subject: 'abc',
      bsn: '999993653',
      name: 'Bo de Vries',
      address: { ...address, postalCode: '4101 AB' },
    });
  });

  it('accepts a login without BSN, name or address (e.g. eIDAS)', () => {
    expect(citizenFromClaims({ sub: 'abc' })).toEqual({ subject: 'abc' });
  });

  it('refuses a missing subject and a BSN that fails the elfproef', () => {
    expect(() => citizenFromClaims({ bsn: '999993653' })).toThrow(CitizenClaimsError);
    expect(() => citizenFromClaims({ sub: 'abc', bsn: '999993654' })).toThrow(CitizenClaimsError);
    expect(() => citizenFromClaims({ sub: 'abc', bsn: 999993653 })).toThrow(CitizenClaimsError);
  });

  it('leaves out an address that does not fit, so the citizen types it', () => {
    expect(citizenFromClaims({ sub: 'a', address: { ...address, postalCode: '0101 AB' } })).toEqual({
      subject: 'a',
    });
    expect(citizenFromClaims({ sub: 'a', address: 'Dijkstraat 12a' })).toEqual({ subject: 'a' });
    expect(citizenFromClaims({ sub: 'a', address: { street: 'Dijkstraat' } })).toEqual({ subject: 'a' });
  });
});
