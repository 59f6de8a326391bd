import { LocalDate } from '../deadlines/local-date';
import { buildReport } from './report';
import { periodText, reportsCsvHref, reportsView } from './report-view';

const PERIOD = { from: '2026-01-01' as LocalDate, to: '2026-06-30' as LocalDate };

describe('reportsView', () => {
  const empty = buildReport(
    { regulations: [{ code: 'wmo', name: 'Wmo' }], cases: [], events: [], openAtRisk: [] },
    PERIOD,
    '2026-07-01' as LocalDate,
  );

  it('writes the period out in Dutch and links the CSV of the same period', () => {
    expect(periodText(PERIOD)).toBe('1 januari 2026 tot en met 30 juni 2026');
    expect(reportsCsvHref('rivierstad', PERIOD)).toBe(
      '/rivierstad/behandelaar/rapportages.csv?van=2026-01-01&tot=2026-06-30',
    );
  });

  it('shows no value as "—" and keeps the figures out when the period was wrong', () => {
    const view = reportsView('rivierstad', { from: PERIOD.from, to: PERIOD.to }, empty);
    const figure = (label: string) => view.report!.keyFigures.find((f) => f.label === label)!.value;
    expect(figure('Doorlooptijd (mediaan)')).toBe('—');
    expect(figure('Binnen de wettelijke termijn besloten')).toBe('—');
    expect(figure('Informeel afgehandeld (met gesprek)')).toBe('0 (—)');
    expect(view.errors).toEqual([]);

    const wrong = reportsView('rivierstad', {
      from: '2026-02-01',
      to: 'gisteren',
      errors: [{ field: 'tot', message: 'De einddatum is geen bestaande datum.' }],
    });
    expect(wrong.report).toBeUndefined();
    expect(wrong.errors).toEqual([{ href: '#tot', message: 'De einddatum is geen bestaande datum.' }]);
    expect(wrong.periodForm.to).toEqual({
      id: 'tot',
      value: 'gisteren',
      error: 'De einddatum is geen bestaande datum.',
    });
    expect(wrong.periodForm.from.error).toBeUndefined();
  });

  it('says days in words, one day singular', () => {
    const report = buildReport(
      {
        regulations: [],
        cases: [
          {
            regulationCode: 'wmo',
            regulationName: 'Wmo',
            status: 'withdrawn',
            outcome: null,
            receivedOn: '2026-02-02',
            firstContactOn: '2026-02-03',
            decidedOn: null,
            endedOn: '2026-02-05',
            decisionTermEnds: null,
            hadConversation: true,
          },
        ],
        events: [],
        openAtRisk: [],
      },
      PERIOD,
      '2026-07-01' as LocalDate,
    );
    const view = reportsView('rivierstad', { from: PERIOD.from, to: PERIOD.to }, report);
    expect(view.report!.informal.firstContactMedian).toBe('1 dag');
    expect(view.report!.decisions.leadTimeMedian).toBe('3 dagen');
    expect(view.report!.informal.share).toBe('100%');
  });
});
