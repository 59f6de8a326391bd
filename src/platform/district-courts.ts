import type { Address } from '../tenancy/tenant.entity';

export interface DistrictCourt {
  code: string;
  name: string;
  /** Where an appeal (beroepschrift) in an administrative case is sent. */
  address: Address;
}

const postbus = (number: string, postalCode: string, city: string): Address => ({
  street: 'Postbus',
  houseNumber: number,
  postalCode,
  city,
});

/**
 * The eleven Dutch district courts (rechtbanken) with their postal address for administrative law, where a
 * citizen appeals against a decision on an objection. Check them against rechtspraak.nl when a court moves.
 */
export const DISTRICT_COURTS: readonly DistrictCourt[] = [
  { code: 'amsterdam', name: 'Rechtbank Amsterdam', address: postbus('75850', '1070 AW', 'Amsterdam') },
  { code: 'den-haag', name: 'Rechtbank Den Haag', address: postbus('20302', '2500 EH', 'Den Haag') },
  { code: 'gelderland', name: 'Rechtbank Gelderland', address: postbus('9030', '6800 EM', 'Arnhem') },
  { code: 'limburg', name: 'Rechtbank Limburg', address: postbus('950', '6200 AZ', 'Maastricht') },
  {
    code: 'midden-nederland',
    name: 'Rechtbank Midden-Nederland',
    address: postbus('16005', '3500 DA', 'Utrecht'),
  },
  { code: 'noord-holland', name: 'Rechtbank Noord-Holland', address: postbus('1621', '2003 BR', 'Haarlem') },
  {
    code: 'noord-nederland',
    name: 'Rechtbank Noord-Nederland',
    address: postbus('150', '9700 AD', 'Groningen'),
  },
  {
    code: 'oost-brabant',
    name: 'Rechtbank Oost-Brabant',
    address: postbus('90125', '5200 MA', "'s-Hertogenbosch"),
  },
  { code: 'overijssel', name: 'Rechtbank Overijssel', address: postbus('10067', '8000 GB', 'Zwolle') },
  { code: 'rotterdam', name: 'Rechtbank Rotterdam', address: postbus('50951', '3007 BM', 'Rotterdam') },
  {
    code: 'zeeland-west-brabant',
    name: 'Rechtbank Zeeland-West-Brabant',
    address: postbus('90006', '4800 PA', 'Breda'),
  },
];

export function districtCourt(code: string): DistrictCourt | undefined {
  return DISTRICT_COURTS.find((court) => court.code === code);
}
