import { CitizenAddress } from './citizen-claims';

/** A fictitious person the DigiD simulation can log in as; the BSNs are test numbers that pass the elfproef. */
export interface TestPerson {
  key: string;
  bsn: string;
  name: string;
  address: CitizenAddress;
}

export const TEST_PERSONS: readonly TestPerson[] = [
  {
    key: 'bo',
    bsn: '999993653',
    name: 'Bo de Vries',
    address: { street: 'Dijkstraat', houseNumber: '12a', postalCode: '4101 AB', city: 'Rivierstad' },
  },
  {
    key: 'samira',
    bsn: '999991772',
    name: 'Samira el Amrani',
    address: { street: 'Heuvelweg', houseNumber: '3', postalCode: '6271 BK', city: 'Heuveldorp' },
  },
  {
    key: 'jan',
    bsn: '999992570',
    name: 'Jan Bakker',
    address: { street: 'Kerkplein', houseNumber: '1', postalCode: '4101 CD', city: 'Rivierstad' },
  },
];
