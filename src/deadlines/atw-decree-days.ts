/**
 * Days put on a par with public holidays by royal decree (Algemene termijnenwet art. 3 lid 3; the decree
 * is made public in the Staatscourant). They are usually bridge days, fixed for about three years at a time.
 *
 * This is data, not logic: `AtwCalendar` takes the list as a constructor argument, so a platform operator
 * can add a newly published day (e.g. from a database table) without a release. When a new decree is
 * published, add its days here as well, bump `version` and record the decree in `source`.
 */

/** One day from a decree. `date` is a plain string because rows may come from a database; it is validated. */
export interface AtwDecreeDay {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** Dutch label shown to users; defaults to a generic label. */
  readonly name?: string;
  /** The decree that made the day equal to a holiday. */
  readonly source: string;
}

export interface AtwDecreeTable {
  /** Changes whenever days are added or corrected. */
  readonly version: string;
  /** Date the table was last checked against the Staatscourant. */
  readonly reviewedOn: string;
  readonly days: readonly AtwDecreeDay[];
}

// Titles of the decrees as published; the Staatscourant numbers were not at hand when the table was made
// and should be added on the next review.
const DECREE_2023_2025 =
  'Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en 30 mei 2025 met een algemeen erkende feestdag (Atw art. 3 lid 3), Stcrt.';
const DECREE_2026_2028 =
  'Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 met een algemeen erkende feestdag (Atw art. 3 lid 3), Stcrt.';

export const ATW_DECREE_DAYS: AtwDecreeTable = {
  version: '2026-11-28',
  reviewedOn: '2026-11-28',
  days: [
    { date: '2023-04-28', name: 'Vrijdag na Koningsdag', source: DECREE_2023_2025 },
    { date: '2023-05-19', name: 'Vrijdag na Hemelvaartsdag', source: DECREE_2023_2025 },
    { date: '2024-05-10', name: 'Vrijdag na Hemelvaartsdag', source: DECREE_2023_2025 },
    { date: '2024-12-27', name: 'Vrijdag na Tweede kerstdag', source: DECREE_2023_2025 },
    { date: '2025-05-30', name: 'Vrijdag na Hemelvaartsdag', source: DECREE_2023_2025 },
    { date: '2026-01-02', name: 'Vrijdag na Nieuwjaarsdag', source: DECREE_2026_2028 },
    { date: '2026-05-15', name: 'Vrijdag na Hemelvaartsdag', source: DECREE_2026_2028 },
    { date: '2027-05-07', name: 'Vrijdag na Hemelvaartsdag', source: DECREE_2026_2028 },
    { date: '2028-04-28', name: 'Vrijdag na Koningsdag', source: DECREE_2026_2028 },
    { date: '2028-05-26', name: 'Vrijdag na Hemelvaartsdag', source: DECREE_2026_2028 },
  ],
};
