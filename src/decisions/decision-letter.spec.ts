import { parseLetterBody } from '../letters/letter-model';
import { join } from 'node:path';
import { LocalDate } from '../deadlines/local-date';
import { LetterTemplates } from '../letters/letter-templates';
import type { Tenant } from '../tenancy/tenant.entity';
import { DecisionLetterFacts, decisionLetter, euros } from './decision-letter';
import type { ResolvedDecision } from './decision-rules';

const repo = join(__dirname, '..', '..');
const templates = new LetterTemplates(join(repo, 'templates'), join(repo, 'no-tenant-overrides'));

const tenant = {
  id: 't',
  slug: 'rivierstad',
  name: 'Gemeente Rivierstad',
  profile: {
    inhabitants: 1,
    governingBody: 'het college van burgemeester en wethouders van Rivierstad',
    court: {
      name: 'Rechtbank Midden-Rivierenland',
      address: { street: 'Kadeplein', houseNumber: '10', postalCode: '4101 CL', city: 'Rivierstad' },
    },
    contact: {
      phone: '14 0123',
      email: 'gemeente@rivierstad.example',
      website: 'https://www.rivierstad.example',
      postalAddress: { street: 'Postbus', houseNumber: '2000', postalCode: '4100 AA', city: 'Rivierstad' },
    },
    branding: { primaryColor: '#0B4F71' },
    settings: { atRiskWorkingDays: 5, firstContactWorkingDays: 5 },
  },
} as unknown as Tenant;

const resolved: ResolvedDecision = {
  hearing: 'held',
  costs: { requested: false, reimbursed: false, cents: 0 },
  sendOn: '2026-11-13' as LocalDate,
  appealTermEnds: '2026-12-28' as LocalDate,
};

function facts(overrides: Partial<DecisionLetterFacts> = {}): DecisionLetterFacts {
  return {
    tenant,
    regulation: { name: 'Bijstand (Participatiewet)', definition: { appealRoute: 'social' } as never },
    objection: {
      reference: 'RIV-2026-00001',
      decision: { date: '2026-10-01', reference: 'PW-2026-0042', description: 'Stopzetting bijstand' },
      objector: { name: 'Bo de Vries' },
      representative: null,
      receivedAt: new Date('2026-10-05T09:00:00Z'),
      hearing: { heldAt: '2026-11-02T13:00:00Z' },
    },
    outcome: 'partially_founded',
    reasoning: 'De terugvordering vervalt; de beëindiging blijft.',
    resolved,
    ...overrides,
  };
}

/** The letter's text as one line per paragraph, as a reader sees it. */
function text(letter: DecisionLetterFacts): string {
  const request = decisionLetter(letter);
  return templates.render(tenant.slug, 'decision', request.context);
}

describe('the decision letter', () => {
  it('states the outcome and what it means, the reasons and the hearing', () => {
    const body = text(facts());
    expect(body).toContain('Wij verklaren het bezwaar gedeeltelijk gegrond.');
    expect(body).toContain(
      'besluit van 1 oktober 2026 voor een deel herroepen. Voor het overige blijft het besluit in stand.',
    );
    expect(body).toContain('De terugvordering vervalt; de beëindiging blijft.');
    expect(body).toContain('Op 2 november 2026 hebben wij u gehoord tijdens een hoorzitting (artikel 7:2');
    expect(body).not.toContain('## Kosten');
  });

  it('keeps the paragraphs of the reasons as paragraphs', () => {
    const body = text(facts({ reasoning: 'Eerste reden.\n\nTweede reden,\nop twee regels.' }));
    const blocks = parseLetterBody(body).map((b) => b.text);
    expect(blocks).toContain('Eerste reden.');
    expect(blocks).toContain('Tweede reden, op twee regels.');
  });

  it('says what replaces a revoked decision, and that a decision that stands stays as it is', () => {
    const founded = text(
      facts({ outcome: 'founded', revokedAndReplaced: 'U krijgt de bijstand vanaf 1 oktober.' }),
    );
    expect(founded).toContain('Wij verklaren het bezwaar gegrond.');
    expect(founded).toContain(
      'herroepen. Wij vervangen het door dit nieuwe besluit: U krijgt de bijstand vanaf 1 oktober.',
    );
    const unfounded = text(facts({ outcome: 'unfounded' }));
    expect(unfounded).toContain('Wij verklaren het bezwaar ongegrond.');
    expect(unfounded).toContain('blijft in stand');
    expect(unfounded).not.toContain('herroepen');
    const inadmissible = text(
      facts({ outcome: 'inadmissible', resolved: { ...resolved, hearing: 'clearly_inadmissible' } }),
    );
    expect(inadmissible).toContain('Wij verklaren het bezwaar niet-ontvankelijk.');
    expect(inadmissible).toContain('niet inhoudelijk');
    expect(inadmissible).toContain('kennelijk niet-ontvankelijk is (artikel 7:3, onder a');
  });

  it('gives the appeal clause: who, which court, until when, how, and where after the court', () => {
    const body = text(facts());
    expect(body).toContain('belanghebbende');
    expect(body).toContain('Rechtbank:: Rechtbank Midden-Rivierenland');
    expect(body).toContain('Adres:: Kadeplein 10, 4101 CL Rivierstad');
    expect(body).toContain('Uiterlijk op:: 28 december 2026');
    expect(body).toContain('www.rechtspraak.nl');
    expect(body).toContain('griffierecht');
    expect(body).toContain('hoger beroep instellen bij de Centrale Raad van Beroep.');
    const tax = text(facts({ regulation: { name: 'WOZ', definition: { appealRoute: 'tax' } as never } }));
    expect(tax).toContain('hoger beroep instellen bij het gerechtshof.');
    const general = text(
      facts({ regulation: { name: 'Omgeving', definition: { appealRoute: 'general' } as never } }),
    );
    expect(general).toContain('Raad van State');
  });

  it('decides on costs that were asked for', () => {
    const reimbursed = text(
      facts({ resolved: { ...resolved, costs: { requested: true, reimbursed: true, cents: 129_400 } } }),
    );
    expect(reimbursed).toContain('## Kosten');
    expect(reimbursed).toContain('Wij vergoeden € 1.294,00.');
    const refused = text(
      facts({
        outcome: 'unfounded',
        resolved: { ...resolved, costs: { requested: true, reimbursed: false, cents: 0 } },
      }),
    );
    expect(refused).toContain('Die kosten vergoeden wij niet.');
    expect(euros(64_700)).toBe('€ 647,00');
  });

  it('goes to the representative, on behalf of the objector', () => {
    const withRepresentative = facts({
      objection: {
        ...facts().objection,
        representative: { name: 'mr. A. Jansen', organisation: 'Het Juridisch Loket' },
      },
    });
    expect(decisionLetter(withRepresentative).addressee).toEqual([
      'mr. A. Jansen',
      'Het Juridisch Loket',
      'namens Bo de Vries',
    ]);
    const body = text(withRepresentative);
    expect(body).toContain('Geachte mr. A. Jansen,');
    expect(body).toContain('U heeft namens Bo de Vries bezwaar gemaakt');
  });
});
