import { addDays, LocalDate, todayInAmsterdam } from '../../src/deadlines/local-date';

/** A day `days` before today in Amsterdam, so timeliness does not depend on when the tests run. */
export function daysAgo(days: number): LocalDate {
  return addDays(todayInAmsterdam(), -days);
}

/** Bo's objection from the pilot: bijstand stopped and part reclaimed; she is angry and has money problems. */
export function bosObjection(overrides: Record<string, unknown> = {}) {
  return {
    regulation: 'participatiewet',
    decision: {
      reference: 'PW-2026-0042',
      date: daysAgo(10),
      description: 'Stopzetting van mijn bijstandsuitkering en terugvordering van € 2.340',
    },
    objector: {
      name: 'Bo de Vries',
      email: 'bo.devries@example.nl',
      phone: '06 12345678',
      address: { street: 'Dijkstraat', houseNumber: '12a', postalCode: '4101 AB', city: 'Rivierstad' },
    },
    grounds: {
      hints: [] as string[],
      text: 'Ik ben woedend. Ik heb alles gemeld en nu moet ik geld terugbetalen dat ik niet heb. De deurwaarder staat al voor de deur en de woningcorporatie dreigt met ontruiming.',
    },
    wantsHearing: true,
    contactPreference: 'phone',
    signed: true,
    ...overrides,
  };
}

/** Smallest real files of each accepted kind, made here so their first bytes are what they claim. */
export const FILES = {
  pdf: Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  ),
  png: Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
    'base64',
  ),
  exe: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]),
};
