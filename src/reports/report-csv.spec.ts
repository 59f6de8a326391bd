import { LocalDate } from '../deadlines/local-date';
import { buildReport } from './report';
import { csvField, reportCsv, reportFilename, reportLines } from './report-csv';

const PERIOD = { from: '2026-01-01' as LocalDate, to: '2026-06-30' as LocalDate };
const TODAY = '2026-07-01' as LocalDate;

const report = buildReport(
  {
    regulations: [{ code: 'participatiewet', name: 'Bijstandsuitkering (Participatiewet)' }],
    cases: [
      {
        regulationCode: 'participatiewet',
        regulationName: 'Bijstandsuitkering (Participatiewet)',
        status: 'decided',
        outcome: 'partially_founded',
        receivedOn: '2026-02-02',
        firstContactOn: '2026-02-03',
        decidedOn: '2026-03-03',
        endedOn: '2026-03-03',
        decisionTermEnds: '2026-04-01',
        hadConversation: true,
      },
      {
        regulationCode: 'participatiewet',
        regulationName: 'Bijstandsuitkering (Participatiewet)',
        status: 'received',
        outcome: null,
        receivedOn: '2026-02-10',
        firstContactOn: '2026-02-14',
        decidedOn: null,
        endedOn: null,
        decisionTermEnds: '2026-04-01',
        hadConversation: false,
      },
    ],
    events: [
      { kind: 'penalty_fixed', partnerCode: null, partnerName: null, amountCents: '144200' },
      {
        kind: 'referral_sent',
        partnerCode: 'x',
        partnerName: '=HYPERLINK("http://evil")',
        amountCents: null,
      },
    ],
    openAtRisk: [],
  },
  PERIOD,
  TODAY,
);

describe('report CSV', () => {
  const csv = reportCsv(report);
  const lines = csv.slice(1).split('\r\n');
  const cells = (measure: string, breakdown: string) =>
    lines.map((l) => l.split(';')).find((c) => c[0] === measure && c[1] === breakdown);

  it('starts with a byte order mark and a header row, semicolon-separated, CRLF, ending in a line break', () => {
    expect(csv.startsWith('\uFEFFMeting;Uitsplitsing;Waarde;Eenheid\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(lines[lines.length - 1]).toBe('');
    expect(lines.slice(0, -1).every((l) => l.split(';').length === 4 || l.includes('"'))).toBe(true);
  });

  it('has one row per measure and breakdown with Dutch decimals', () => {
    expect(cells('Periode', 'Van')).toEqual(['Periode', 'Van', '2026-01-01', 'datum']);
    expect(cells('Ingediend', 'Totaal')).toEqual(['Ingediend', 'Totaal', '2', 'aantal']);
    expect(cells('Ingediend', 'Regeling: Bijstandsuitkering (Participatiewet)')?.[2]).toBe('2');
    expect(cells('Informeel afgehandeld (met gesprek)', 'Aandeel van ingediend')?.slice(2)).toEqual([
      '50',
      '%',
    ]);
    expect(cells('Besloten', 'Uitkomst: gedeeltelijk gegrond')?.[2]).toBe('1');
    expect(
      cells(
        'Besloten',
        'Regeling: Bijstandsuitkering (Participatiewet), uitkomst: gedeeltelijk gegrond',
      )?.[2],
    ).toBe('1');
    expect(cells('Tijd tot eerste contact', 'Mediaan')?.slice(2)).toEqual(['2,5', 'kalenderdagen']);
    expect(cells('Doorlooptijd tot einde zaak', 'Mediaan')?.[2]).toBe('29');
    expect(cells('Dwangsom betaald', 'Bedrag')?.slice(2)).toEqual(['1442,00', 'euro']);
    expect(cells('Besloten binnen de wettelijke termijn', 'Aandeel')?.[2]).toBe('100');
  });

  it('shows a median of nothing as "—"', () => {
    const empty = buildReport({ regulations: [], cases: [], events: [], openAtRisk: [] }, PERIOD, TODAY);
    const line = reportLines(empty).find(
      (l) => l.measure === 'Doorlooptijd tot einde zaak' && l.breakdown === 'Mediaan',
    );
    expect(line?.value).toBe('—');
  });

  it('never lets a text start a formula, and quotes what holds a separator or quote', () => {
    // Behind its label a name is inert; the quotes are doubled.
    expect(lines).toContain('Doorverwijzingen;"Partner: =HYPERLINK(""http://evil"")";1;aantal');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('-5')).toBe("'-5");
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('zeg "ja"')).toBe('"zeg ""ja"""');
    expect(csvField('gewoon')).toBe('gewoon');
  });

  it('is named after the tenant and the period', () => {
    expect(reportFilename('rivierstad', report)).toBe('rapportage-rivierstad-2026-01-01-tot-2026-06-30.csv');
  });
});
