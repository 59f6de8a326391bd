import { withCitizenDetails } from './citizen-filing';

const address = { street: 'Dijkstraat', houseNumber: '12a', postalCode: '4101 AB', city: 'Rivierstad' };
const bo = { name: 'Bo de Vries', address };

describe('withCitizenDetails', () => {
  it('fills name and address the body leaves out', () => {
    expect(withCitizenDetails({ regulation: 'x', objector: { email: 'bo@example.nl' } }, bo)).toEqual({
      regulation: 'x',
      objector: { email: 'bo@example.nl', name: 'Bo de Vries', address },
    });
    expect(withCitizenDetails({ regulation: 'x' }, bo)).toEqual({
      regulation: 'x',
      objector: { name: 'Bo de Vries', address },
    });
    expect(withCitizenDetails({ objector: { name: '  ', address: null } }, bo)).toEqual({
      objector: { name: 'Bo de Vries', address },
    });
  });

  it('keeps what the citizen typed', () => {
    const typed = { objector: { name: 'B. de Vries', address: { ...address, street: 'Kerkplein' } } };
    expect(withCitizenDetails(typed, bo)).toEqual(typed);
  });

  it('leaves what the login does not know', () => {
    expect(withCitizenDetails({ objector: {} }, { name: null, address: null })).toEqual({ objector: {} });
  });

  it('leaves bodies that are not objects for validation to refuse', () => {
    expect(withCitizenDetails('text', bo)).toBe('text');
    expect(withCitizenDetails([1], bo)).toEqual([1]);
    expect(withCitizenDetails({ objector: 'Bo' }, bo)).toEqual({ objector: 'Bo' });
  });
});
