import type { CaseFile } from '../objections/case-view.service';
import { casePageView, fileSize } from './case-page';

describe('casePageView', () => {
  const file = {
    objection: {
      reference: 'RIV-2026-00001',
      status: 'received',
      receivedAt: new Date('2026-11-28T23:30:00Z'),
      decision: { date: '2026-11-02', reference: 'PW-1' },
      objector: { name: 'Bo', email: 'bo@example.nl' },
      representative: null,
      timely: true,
      objectionTermEnds: '2026-12-14',
      decisionTermEnds: '2027-03-08',
      missingElements: ['signature'],
    },
    regulation: { name: 'Bijstand' },
    events: [
      { kind: 'filed', at: new Date('2026-11-28T23:30:00Z') },
      { kind: 'flagged', at: new Date('2026-11-28T23:31:00Z') },
    ],
    documents: [
      { id: 'd1', kind: 'attachment', filename: 'brief.pdf', mediaType: 'application/pdf', size: 812 },
      { id: 'd2', kind: 'receipt', filename: 'ontvangst.pdf', mediaType: 'application/pdf', size: 27_000 },
    ],
  } as unknown as CaseFile;

  it('says it in plain Dutch with written-out dates in Amsterdam time', () => {
    const view = casePageView(file, { caseHref: '/r/zaak/t', received: true, firstContactWorkingDays: 5 });
    expect(view.status.label).toBe('Ontvangen');
    expect(view.receivedOn).toBe('zondag 29 november 2026');
    expect(view.decisionTermEnds).toBe('maandag 8 maart 2027');
    expect(view.missing).toEqual(['uw handtekening (of inloggen met DigiD)']);
    expect(view.confirmation).toEqual({ email: true, firstContactWorkingDays: 5 });
  });

  it('shows the receipt before the attachments, and only timeline events meant for the citizen', () => {
    const view = casePageView(file, { caseHref: '/r/zaak/t', received: false, firstContactWorkingDays: 5 });
    expect(view.documents.map((d) => [d.kind, d.href, d.type])).toEqual([
      ['Ontvangstbevestiging', '/r/zaak/t/documenten/d2', 'PDF'],
      ['Uw bijlage', '/r/zaak/t/documenten/d1', 'PDF'],
    ]);
    expect(view.timeline.map((e) => e.label)).toEqual(['Uw bezwaar is ontvangen']);
    expect(view.timeline[0].time).toBe('00:30');
    expect(view.confirmation).toBeUndefined();
  });
});

describe('fileSize', () => {
  it('rounds to kB or MB', () => {
    expect(fileSize(10)).toBe('1 kB');
    expect(fileSize(27_000)).toBe('26 kB');
    expect(fileSize(2.5 * 1024 * 1024)).toBe('2,5 MB');
  });
});
