import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LIFE_DOMAIN_CODES } from '../life-domain-code';
import { evaluate, parseLabelledJsonl, precisionRecall } from './signals-metrics';
import { headlineReport, parseCsv, xedAngerReport } from './out-of-domain';

const repo = join(__dirname, '..', '..', '..');
const load = (name: string) => {
  const file = join(repo, 'eval', 'signals', name);
  return parseLabelledJsonl(readFileSync(file, 'utf8'), file);
};

describe('signal evaluation', () => {
  it('has a labelled set of at least 150 texts, 40 of them held out, with unique ids', () => {
    const dev = load('dev.jsonl');
    const holdout = load('holdout.jsonl');
    expect(dev.length + holdout.length).toBeGreaterThanOrEqual(150);
    expect(holdout.length).toBeGreaterThanOrEqual(40);
    const ids = [...dev, ...holdout].map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of [...dev, ...holdout]) expect(t.text.length).toBeGreaterThanOrEqual(200);
  });

  // Only the development set is evaluated here: the held-out set is for the final figure, not for tests.
  it('computes metrics that agree with their own counts on the development set', () => {
    const items = load('dev.jsonl');
    const report = evaluate(items);
    const s = report.sentiment;
    expect(report.total).toBe(items.length);
    expect(s.accuracy).toBeCloseTo(s.correct / report.total, 12);
    const confusionTotal = Object.values(s.confusion).reduce(
      (sum, row) => sum + Object.values(row).reduce((a, b) => a + b, 0),
      0,
    );
    expect(confusionTotal).toBe(items.length);
    const diagonal = (['angry', 'distressed', 'neutral'] as const).reduce(
      (sum, l) => sum + s.confusion[l][l],
      0,
    );
    expect(diagonal).toBe(s.correct);
    for (const [label, m] of Object.entries(s.perLabel)) {
      const gold = items.filter((i) => i.sentiment === label).length;
      expect(m.truePositives + m.falseNegatives).toBe(gold);
    }
    const d = report.lifeDomains;
    const goldDomains = items.reduce((sum, i) => sum + i.domains.length, 0);
    expect(d.micro.truePositives + d.micro.falseNegatives).toBe(goldDomains);
    expect(d.micro.truePositives).toBe(
      LIFE_DOMAIN_CODES.reduce((sum, c) => sum + d.perDomain[c].truePositives, 0),
    );
    expect(d.micro.f1).toBeCloseTo(
      (2 * d.micro.precision * d.micro.recall) / (d.micro.precision + d.micro.recall),
      12,
    );
  });

  it('computes precision, recall and F1 from counts', () => {
    expect(precisionRecall(3, 1, 2)).toEqual({
      truePositives: 3,
      falsePositives: 1,
      falseNegatives: 2,
      precision: 0.75,
      recall: 0.6,
      f1: (2 * 0.75 * 0.6) / 1.35,
    });
    expect(precisionRecall(0, 0, 0).f1).toBe(0);
  });

  it('rejects a malformed labelled line', () => {
    expect(() => parseLabelledJsonl('{"id":"x","text":"t","sentiment":"sad","domains":[]}', 'f')).toThrow(
      'f:1',
    );
  });

  it('reads the out-of-domain formats', () => {
    expect(parseCsv('a,b\n"x, ""y""",1\n')).toEqual([
      ['a', 'b'],
      ['x, "y"', '1'],
    ]);
    const headlines = headlineReport(
      'id,headline,value,gold\n1,Bank vreest boete,-1,TRUE\n2,Meer banen,1,TRUE\n3,Schandalig!!,-1,FALSE\n',
    );
    expect(headlines).toMatchObject({ negative: 1, other: 1 });
    const xed = xedAngerReport('Ik ben woedend, schandalig!\t1\r\nGoedemorgen.\t5\r\n');
    expect(xed).toEqual({ lines: 2, goldAnger: 1, predictedAngry: 1, precision: 1, recall: 1 });
  });
});
