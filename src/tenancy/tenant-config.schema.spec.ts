import { join } from 'node:path';
import { loadTenantConfigs } from './tenant-config.loader';
import { type RegulationConfig, regulationProblems } from './tenant-config.schema';

/**
 * regulationProblems: one set of rules for tenant.yaml and for an admin's save. Every check the issue names
 * (JSON Logic valid, every path ends in an outcome, no cycles, referenced hints and partners exist) and the
 * shape, each with its path inside the regulation and a Dutch message that says what to fix.
 */
const [tenant] = loadTenantConfigs(join(__dirname, '..', '..', 'tenants'));
const PARTNERS = tenant.referralPartners.map((p) => p.code);
const demo = (): RegulationConfig => structuredClone(tenant.regulations[0]);
const problemsOf = (change: (r: RegulationConfig) => void, partners = PARTNERS) => {
  const regulation = demo();
  change(regulation);
  return regulationProblems(regulation, partners);
};
const question = (r: RegulationConfig, id: string) => r.diagnosis.questions.find((q) => q.id === id)!;

describe('regulationProblems', () => {
  it('accepts every demo regulation as it is', () => {
    for (const config of loadTenantConfigs(join(__dirname, '..', '..', 'tenants'))) {
      const partners = config.referralPartners.map((p) => p.code);
      for (const regulation of config.regulations)
        expect(regulationProblems(regulation, partners)).toEqual([]);
    }
  });

  describe('shape', () => {
    it('names each field that is missing, of the wrong type or not one of the choices, in Dutch', () => {
      const problems = problemsOf((r) => {
        Object.assign(r, { law: '', termModel: 'weekly', advisoryCommittee: 'ja', naam: 'x' });
        delete (r as Partial<RegulationConfig>).description;
      });
      expect(problems).toEqual([
        { field: 'law', message: 'Vul dit in.' },
        { field: 'description', message: 'Dit ontbreekt: vul het in.' },
        { field: 'termModel', message: 'Kies een van: awb, awr.' },
        { field: 'advisoryCommittee', message: 'Dit moet true (ja) of false (nee) zijn.' },
        { field: '', message: 'Onbekend veld "naam": controleer de spelling of laat het weg.' },
      ]);
    });

    it('checks codes and ids inside the lists', () => {
      expect(
        problemsOf((r) => {
          r.argumentHints[0].code = 'Met Spaties';
          r.diagnosis.questions[0].next[0].goto = 'niet.goed';
        }),
      ).toEqual([
        {
          field: 'argumentHints.0.code',
          message: 'Gebruik kleine letters, cijfers, _ en - (begin met een letter of cijfer).',
        },
        {
          field: 'diagnosis.questions.0.next.0.goto',
          message: 'Een id begint met een letter, daarna letters, cijfers of _ (hoogstens 64 tekens).',
        },
      ]);
    });

    it('refuses what is not a regulation at all', () => {
      expect(regulationProblems(null, PARTNERS)).toEqual([
        { field: '', message: 'Dit moet een groep velden zijn.' },
      ]);
      expect(regulationProblems([], PARTNERS)).toEqual([
        { field: '', message: 'Dit moet een groep velden zijn.' },
      ]);
    });
  });

  describe('JSON Logic', () => {
    it('refuses a "when" that is not a rule, with an example of one', () => {
      const notARule =
        'Dit is geen JSON Logic-regel: gebruik één operator, bijvoorbeeld {"==": [{"var": "answers.vraag"}, "yes"]}.';
      expect(problemsOf((r) => (question(r, 'hasDecision').next[0].when = ['yes'] as never))).toEqual([
        { field: 'diagnosis.questions.0.next.0.when', message: notARule },
      ]);
      expect(
        problemsOf((r) => (question(r, 'hasDecision').next[0].when = { '==': [1, 1], '!=': [1, 2] })),
      ).toEqual([{ field: 'diagnosis.questions.0.next.0.when', message: notARule }]);
    });

    it('refuses an unknown operator and a rule that reads an unknown question', () => {
      expect(problemsOf((r) => (question(r, 'hasDecision').next[0].when = { sameAs: [1, 1] }))).toEqual([
        {
          field: 'diagnosis.questions.0.next.0.when',
          message: expect.stringMatching(/^De operator "sameAs" is hier niet toegestaan \(wel: var /),
        },
      ]);
      expect(
        problemsOf(
          (r) => (question(r, 'hasDecision').next[0].when = { '==': [{ var: 'answers.nergens' }, 'yes'] }),
        ),
      ).toEqual([
        {
          field: 'diagnosis.questions.0.next.0.when',
          message: '"answers.nergens": er is geen vraag "nergens".',
        },
      ]);
    });
  });

  describe('every path ends in an outcome', () => {
    it('needs a default as the last entry of every next, so that every answer leads on', () => {
      expect(
        problemsOf((r) => (question(r, 'hasDecision').next = [question(r, 'hasDecision').next[0]])),
      ).toEqual(
        expect.arrayContaining([
          {
            field: 'diagnosis.questions.0.next.0',
            message:
              'De laatste regel van "next" mag geen "when" hebben: dat is de standaardroute, zodat elk antwoord ergens heen leidt.',
          },
        ]),
      );
    });

    it('refuses a goto to a question or outcome that does not exist', () => {
      expect(problemsOf((r) => (question(r, 'hasDecision').next[1].goto = 'nergens'))).toContainEqual({
        field: 'diagnosis.questions.0.next.1.goto',
        message: 'Er is geen vraag of uitkomst met de id "nergens".',
      });
    });
  });

  it('refuses a cycle, naming the goto that closes it', () => {
    const problems = problemsOf((r) => {
      const last = r.diagnosis.questions[r.diagnosis.questions.length - 1];
      last.next[last.next.length - 1].goto = r.diagnosis.start;
    });
    expect(problems).toContainEqual({
      field: expect.stringMatching(/^diagnosis\.questions\.\d+\.next\.\d+\.goto$/),
      message: expect.stringMatching(
        /leidt terug naar een eerdere vraag \(kringloop: hasDecision → .* → hasDecision\); elke route moet eindigen in een uitkomst\.$/,
      ),
    });
  });

  describe('references', () => {
    it('refuses an outcome hint that is not one of the regulation’s argument hints', () => {
      expect(problemsOf((r) => r.diagnosis.outcomes[0].hints.push('verzonnen'))).toEqual([
        {
          field: `diagnosis.outcomes.0.hints.${demo().diagnosis.outcomes[0].hints.length}`,
          message:
            'Het argument "verzonnen" staat niet bij de argumenten van deze regeling (argumentHints): voeg het daar toe of kies een bestaande code.',
        },
      ]);
    });

    it('refuses a hint that the tree uses but the list no longer has', () => {
      const used = demo().diagnosis.outcomes[0].hints[0];
      expect(
        problemsOf((r) => (r.argumentHints = r.argumentHints.filter((h) => h.code !== used))),
      ).toContainEqual({
        field: 'diagnosis.outcomes.0.hints.0',
        message: expect.stringContaining(`Het argument "${used}" staat niet bij de argumenten`),
      });
    });

    it('refuses partners the municipality does not have, in the regulation and in the tree, naming those it has', () => {
      expect(problemsOf((r) => (r.referralPartners = ['bestaat_niet']), ['schuldhulp', 'loket'])).toEqual(
        expect.arrayContaining([
          {
            field: 'referralPartners.0',
            message:
              'De doorverwijspartner "bestaat_niet" bestaat niet bij deze gemeente (wel: schuldhulp, loket).',
          },
          {
            field: expect.stringMatching(/^diagnosis\.outcomes\.\d+\.referrals\.\d+$/),
            message: expect.stringMatching(/^De doorverwijspartner ".+" bestaat niet bij deze gemeente/),
          },
        ]),
      );
      expect(problemsOf((r) => (r.referralPartners = ['x']), [])).toContainEqual({
        field: 'referralPartners.0',
        message:
          'De doorverwijspartner "x" bestaat niet bij deze gemeente (er zijn nog geen doorverwijspartners).',
      });
    });

    it('refuses two argument hints with one code', () => {
      expect(problemsOf((r) => r.argumentHints.push({ ...r.argumentHints[0] }))).toEqual([
        {
          field: `argumentHints.${demo().argumentHints.length}.code`,
          message: `De code "${demo().argumentHints[0].code}" komt twee keer voor bij de argumenten: geef elk argument een eigen code.`,
        },
      ]);
    });
  });
});
