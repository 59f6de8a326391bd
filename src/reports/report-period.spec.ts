import { ProblemError } from '../common/problems/problem.error';
import { LocalDate } from '../deadlines/local-date';
import { parseReportPeriod, readReportPeriod } from './report-period';
import { PAGE_PERIOD_FIELDS } from './report-view';

const TODAY = '2026-05-17' as LocalDate;

describe('readReportPeriod', () => {
  it('defaults to this calendar year up to today', () => {
    expect(readReportPeriod({}, TODAY)).toEqual({ period: { from: '2026-01-01', to: '2026-05-17' } });
    expect(readReportPeriod({ from: '', to: '  ' }, TODAY)).toEqual({
      period: { from: '2026-01-01', to: '2026-05-17' },
    });
  });

  it('takes both ends as given, a single day included', () => {
    expect(readReportPeriod({ from: '2025-03-01', to: '2025-03-31' }, TODAY).period).toEqual({
      from: '2025-03-01',
      to: '2025-03-31',
    });
    expect(readReportPeriod({ from: '2026-02-02', to: '2026-02-02' }, TODAY).period).toEqual({
      from: '2026-02-02',
      to: '2026-02-02',
    });
  });

  it('starts on 1 January of the end year without a start, and ends today without an end', () => {
    expect(readReportPeriod({ to: '2024-08-31' }, TODAY).period).toEqual({
      from: '2024-01-01',
      to: '2024-08-31',
    });
    expect(readReportPeriod({ from: '2025-07-01' }, TODAY).period).toEqual({
      from: '2025-07-01',
      to: '2026-05-17',
    });
  });

  it('refuses dates that do not exist or are not written as dates, in Dutch, per field', () => {
    const result = readReportPeriod({ from: '2026-02-30', to: 'gisteren' }, TODAY);
    expect(result.period).toBeUndefined();
    expect(result.errors).toEqual([
      { field: 'from', message: expect.stringContaining('De begindatum is geen bestaande datum') },
      { field: 'to', message: expect.stringContaining('De einddatum is geen bestaande datum') },
    ]);
  });

  it('refuses a start after the end, and a start after today when no end is given', () => {
    expect(readReportPeriod({ from: '2026-03-02', to: '2026-03-01' }, TODAY).errors).toEqual([
      {
        field: 'to',
        message: 'De einddatum ligt voor de begindatum. Kies een einddatum op of na de begindatum.',
      },
    ]);
    expect(readReportPeriod({ from: '2026-05-18' }, TODAY).errors).toEqual([
      { field: 'from', message: expect.stringContaining('De begindatum ligt na vandaag') },
    ]);
  });

  it('refuses a repeated parameter', () => {
    expect(readReportPeriod({ from: ['2026-01-01', '2026-02-01'] }, TODAY).errors).toEqual([
      { field: 'from', message: 'Geef de begindatum maar één keer op.' },
    ]);
  });

  it("reads the page's fields, which also take a date typed the Dutch way", () => {
    expect(
      readReportPeriod({ van: '1-2-2026', tot: '28-02-2026' }, TODAY, PAGE_PERIOD_FIELDS, {
        dutchDates: true,
      }),
    ).toEqual({
      period: { from: '2026-02-01', to: '2026-02-28' },
    });
    expect(
      readReportPeriod({ van: '31-2-2026' }, TODAY, PAGE_PERIOD_FIELDS, { dutchDates: true }).errors,
    ).toEqual([{ field: 'van', message: expect.stringContaining('begindatum') }]);
    // The API keeps to YYYY-MM-DD.
    expect(readReportPeriod({ from: '1-2-2026' }, TODAY).errors).toHaveLength(1);
  });
});

describe('parseReportPeriod', () => {
  it('throws a 400 problem naming the field, with the message as detail', () => {
    let thrown: unknown;
    try {
      parseReportPeriod({ from: '2026-13-01' }, TODAY);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ProblemError);
    const problem = thrown as ProblemError;
    expect(problem.status).toBe(400);
    expect(problem.errors).toEqual([{ field: 'from', message: expect.any(String) }]);
    expect(problem.detail).toBe(problem.errors![0].message);
  });

  it('returns the period when it is valid', () => {
    expect(parseReportPeriod({ from: '2026-01-01', to: '2026-01-31' }, TODAY)).toEqual({
      from: '2026-01-01',
      to: '2026-01-31',
    });
  });
});
