import { join } from 'node:path';
import { localDate as d } from '../deadlines/local-date';
import { parseLetterBody } from '../letters/letter-model';
import { LetterTemplates } from '../letters/letter-templates';
import type { LetterRequest } from '../letters/letters.service';
import type { Tenant } from '../tenancy/tenant.entity';
import { hearingDates } from './procedure-dates';
import {
  extensionLetter,
  hearingInvitationLetter,
  hearingReportLetter,
  letterEmail,
  type LetterFacts,
  repairRequestLetter,
} from './procedure-letters';

const root = join(__dirname, '..', '..');
// A tenant without overrides of these letters: the default templates are what is tested here.
const templates = new LetterTemplates(join(root, 'templates'), join(root, 'test', 'no-tenant-overrides'));

const tenant = {
  slug: 'rivierstad',
  name: 'Gemeente Rivierstad',
  profile: { contact: { phone: '14 0123', email: 'bezwaar@rivierstad.nl' } },
} as unknown as Tenant;

const objection = {
  reference: 'RIV-2027-00042',
  receivedAt: new Date('2027-01-05T09:00:00+01:00'),
  decision: { reference: 'PW-2026-0042', date: '2026-12-01', description: 'Stopzetting bijstand' },
  objector: {
    name: 'Bo de Vries',
    email: 'bo@example.nl',
    address: { street: 'Dijkstraat', houseNumber: '12a', postalCode: '4101 ab', city: 'Rivierstad' },
  },
  representative: null,
};
const facts: LetterFacts = { tenant, objection, regulationName: 'Participatiewet', today: d('2027-01-11') };

/** The letter body as its blocks would print it: "Label: value" for facts. */
function body(request: LetterRequest): string {
  return parseLetterBody(templates.render('rivierstad', request.kind, request.context))
    .map((b) => (b.kind === 'fact' ? `${b.label}: ${b.text}` : b.text))
    .join('\n');
}

describe('procedure letters', () => {
  it('repair request: what is missing, until when, and what follows if it stays missing', () => {
    const request = repairRequestLetter(facts, {
      elements: ['signature', 'grounds'],
      repairTermEnds: d('2027-01-25'),
    });
    expect(request).toMatchObject({
      kind: 'repair_request',
      reference: 'RIV-2027-00042',
      date: '2027-01-11',
      addressee: ['Bo de Vries', 'Dijkstraat 12a', '4101 AB Rivierstad'],
    });
    const text = body(request);
    expect(text).toContain('- uw handtekening (of inloggen met DigiD)');
    expect(text).toContain('- de redenen waarom u het niet eens bent met het besluit');
    expect(text).toContain('Aanvullen uiterlijk op: 25 januari 2027');
    expect(text).toContain('niet-ontvankelijk');
    expect(text).toContain('artikel 6:6');
    expect(text).toContain('ontvangen op 5 januari 2027');
  });

  it('hearing invitation: place or video link, time and the 7:4 dates', () => {
    const dates = hearingDates(new Date('2027-02-15T14:30:00+01:00'));
    const inPerson = body(
      hearingInvitationLetter(facts, { dates, location: 'Stadhuis, zaal 2', hearerName: 'Fatima El Amrani' }),
    );
    expect(inPerson).toContain('Datum: 15 februari 2027');
    expect(inPerson).toContain('Tijd: 14:30 uur');
    expect(inPerson).toContain('Plaats: Stadhuis, zaal 2');
    expect(inPerson).toContain('Hoorder: Fatima El Amrani');
    expect(inPerson).toContain('Stukken sturen tot en met: 5 februari 2027');
    expect(inPerson).toContain('Dossier inzien vanaf: 8 februari 2027');
    expect(inPerson).not.toContain('Videolink');

    const video = body(
      hearingInvitationLetter(facts, {
        dates,
        videoLink: 'https://video.example/abc',
        hearerName: 'F. El Amrani',
      }),
    );
    expect(video).toContain('Plaats: online, via een videoverbinding');
    expect(video).toContain('Videolink: https://video.example/abc');
  });

  it('hearing report: who heard, who attended, and the report in its own paragraphs', () => {
    const text = body(
      hearingReportLetter(facts, {
        dates: { hearingDate: d('2027-02-15'), hearingTime: '14:30' },
        location: 'Stadhuis',
        hearerName: 'Fatima El Amrani',
        attendees: ['Bo de Vries', 'Fatima El Amrani'],
        report: 'Mevrouw De Vries licht toe.\n\n## Kop:: poging\nDe hoorder vraagt door.',
      }),
    );
    expect(text).toContain('Hoorder: Fatima El Amrani');
    expect(text).toContain('Aanwezig: Bo de Vries, Fatima El Amrani');
    expect(text).toContain('Mevrouw De Vries licht toe.\nKop: poging De hoorder vraagt door.');
  });

  it('extension: the old and the new last day and the reason', () => {
    const text = body(
      extensionLetter(facts, {
        weeks: 6,
        reason: 'Wij wachten op het advies van de commissie.',
        previousEnd: d('2027-03-03'),
        newEnd: d('2027-04-14'),
      }),
    );
    expect(text).toContain('Wij zouden beslissen uiterlijk op: 3 maart 2027');
    expect(text).toContain('Wij beslissen nu uiterlijk op: 14 april 2027');
    expect(text).toContain('Uitstel: 6 weken');
    expect(text).toContain('Wij wachten op het advies van de commissie.');
  });

  it('e-mails the representative with the objector in copy, and nobody without an address', () => {
    const email = letterEmail({
      tenant,
      objection: { ...objection, representative: { name: 'Juridisch Loket', email: 'jl@example.nl' } },
      subject: 'Vul uw bezwaar aan',
      lines: ['Regel.'],
      documentId: 'doc-1',
    });
    expect(email).toMatchObject({
      to: ['jl@example.nl'],
      cc: ['bo@example.nl'],
      subject: 'Vul uw bezwaar aan - bezwaar RIV-2027-00042 - Gemeente Rivierstad',
      documentIds: ['doc-1'],
    });
    expect(email!.text).toContain('Beste Juridisch Loket,');
    const nobody = letterEmail({
      tenant,
      objection: { ...objection, objector: { name: 'Bo de Vries' } },
      subject: 'x',
      lines: [],
      documentId: 'doc-1',
    });
    expect(nobody).toBeNull();
  });
});
