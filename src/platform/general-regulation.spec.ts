import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluateDiagnosis } from '../diagnosis/diagnosis-tree';
import type { LocalDate } from '../deadlines/local-date';
import { GENERAL_REGULATION_FILE, generalRegulationFor } from './general-regulation';

const TODAY = '2026-11-29' as LocalDate;
const TEMPLATES = join(__dirname, '..', '..', 'templates');
const ZEESTAD = {
  slug: 'zeestad',
  name: 'Gemeente Zeestad',
  inhabitants: 45000,
  governingBody: 'het college van burgemeester en wethouders van Zeestad',
  court: {
    name: 'Rechtbank Rotterdam',
    address: { street: 'Postbus', houseNumber: '50951', postalCode: '3007 BM', city: 'Rotterdam' },
  },
  contact: {
    phone: '010 123 45 67',
    email: 'gemeente@zeestad.example',
    website: 'https://www.zeestad.example',
    postalAddress: { street: 'Postbus', houseNumber: '1', postalCode: '3000 AA', city: 'Zeestad' },
  },
  branding: { primaryColor: '#1D4F91' },
};

describe('the general regulation of a new municipality', () => {
  it('is a valid regulation under the Awb, without advisory committee, with argument hints', () => {
    const regulation = generalRegulationFor(TEMPLATES, ZEESTAD);
    expect(regulation).toMatchObject({
      code: 'overige-besluiten',
      name: 'Overige besluiten',
      termModel: 'awb',
      advisoryCommittee: false,
      referralPartners: [],
    });
    expect(regulation.argumentHints.length).toBeGreaterThanOrEqual(3);
  });

  it.each([
    [{ hasDecision: 'yes', decisionDate: '2026-11-20', talkFirst: 'no' }, 'object'],
    [
      { hasDecision: 'unsure', appealClause: 'yes', decisionDate: '2026-11-20', talkFirst: 'yes' },
      'informal_contact',
    ],
    [{ hasDecision: 'yes', decisionDate: '2026-06-01' }, 'object_late'],
    [{ hasDecision: 'no' }, 'not_a_decision'],
    [{ hasDecision: 'unsure', appealClause: 'no' }, 'not_a_decision'],
  ])('ends every path in an outcome: %p → %s', (answers, kind) => {
    const { diagnosis } = generalRegulationFor(TEMPLATES, ZEESTAD);
    const step = evaluateDiagnosis(diagnosis, answers, { today: TODAY });
    expect(step).toMatchObject({ status: 'outcome', outcome: { kind } });
  });

  it('names the file and the place of a mistake', () => {
    const dir = mkdtempSync(join(tmpdir(), 'onboarding-'));
    cpSync(TEMPLATES, dir, { recursive: true });
    const file = join(dir, GENERAL_REGULATION_FILE);
    writeFileSync(file, readFileSync(file, 'utf8').replace('goto: talkFirst', 'goto: nergens'));
    expect(() => generalRegulationFor(dir, ZEESTAD)).toThrow(
      /general-regulation\.yaml: diagnosis\.questions\.2\.next\.1\.goto: .*nergens/,
    );
  });
});
