import { strFromU8, unzipSync } from 'fflate';
import { actorLabel, archivePath, CitizenExport, exportArchive, exportJson } from './citizen-export';

const data = (): CitizenExport => ({
  municipality: 'Gemeente Rivierstad',
  exportedAt: '2026-11-29T10:00:00.000Z',
  citizen: {
    name: 'Bo de Vries',
    bsn: '999993653',
    address: null,
    firstLoginAt: '2026-11-01T09:00:00.000Z',
    lastLoginAt: null,
  },
  cases: [
    {
      reference: 'BZ-2026-000001',
      record: { status: 'received' },
      events: [
        { at: '2026-11-01T09:00:00.000Z', kind: 'filed', actor: 'citizen', data: {} },
        {
          at: '2026-11-02T09:00:00.000Z',
          kind: 'message_to_citizen',
          actor: 'staff:6f1c',
          data: { body: 'Ik bel u morgen.' },
        },
      ],
      documents: [
        {
          id: 'd1',
          kind: 'attachment',
          filename: '../../etc/passwd',
          mediaType: 'application/pdf',
          size: 3,
          sha256: 'x',
          createdAt: '2026-11-01T09:00:00.000Z',
          content: new Uint8Array([1, 2, 3]),
        },
      ],
    },
  ],
});

describe('archivePath', () => {
  it('keeps every file inside its case folder, whatever its name', () => {
    expect(archivePath('BZ-2026-000001', 0, '../../etc/passwd')).toBe(
      'documenten/BZ-2026-000001/01-etc_passwd',
    );
    expect(archivePath('BZ-2026-000001', 11, 'Brief van mij (1).pdf')).toBe(
      'documenten/BZ-2026-000001/12-Brief_van_mij_1_.pdf',
    );
    expect(archivePath('BZ-2026-000001', 0, '')).toBe('documenten/BZ-2026-000001/01-document');
  });
});

describe('actorLabel', () => {
  it('names the citizen and the system, never a staff account', () => {
    expect(['citizen', 'system', 'staff:6f1c'].map(actorLabel)).toEqual(['u', 'systeem', 'medewerker']);
  });
});

describe('exportArchive', () => {
  it('packs gegevens.json and each document under the path the JSON names', () => {
    const files = unzipSync(exportArchive(data()));
    const json = JSON.parse(strFromU8(files['gegevens.json'])) as ReturnType<typeof exportJson> & {
      bezwaren: { documents: { file: string }[]; messages: unknown[]; timeline: { by: string }[] }[];
    };
    expect(json.burger).toMatchObject({ bsn: '999993653' });
    const [kase] = json.bezwaren;
    expect(kase.messages).toEqual([
      { at: '2026-11-02T09:00:00.000Z', from: 'gemeente', body: 'Ik bel u morgen.' },
    ]);
    expect(kase.timeline.map((e) => e.by)).toEqual(['u', 'medewerker']);
    expect([...files[kase.documents[0].file]]).toEqual([1, 2, 3]);
    expect(Object.keys(files).sort()).toEqual(['documenten/BZ-2026-000001/01-etc_passwd', 'gegevens.json']);
  });
});
