import { LIFE_DOMAIN_CODES, LifeDomainCode } from '../life-domain-code';
import { analyzeText, SentimentLabel } from '../text-signals';

export interface LabelledText {
  id: string;
  register: string;
  text: string;
  sentiment: SentimentLabel;
  domains: LifeDomainCode[];
}

export interface PrecisionRecall {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface EvaluationReport {
  total: number;
  sentiment: {
    correct: number;
    accuracy: number;
    perLabel: Record<SentimentLabel, PrecisionRecall>;
    /** confusion[gold][predicted] */
    confusion: Record<SentimentLabel, Record<SentimentLabel, number>>;
  };
  lifeDomains: { perDomain: Record<LifeDomainCode, PrecisionRecall>; micro: PrecisionRecall };
  mistakes: { id: string; register: string; gold: string; predicted: string }[];
}

const SENTIMENT_LABELS: SentimentLabel[] = ['angry', 'distressed', 'neutral'];

/** Precision, recall and F1 from counts; an empty denominator counts as 0 (and is visible in the counts). */
export function precisionRecall(tp: number, fp: number, fn: number): PrecisionRecall {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives: tp, falsePositives: fp, falseNegatives: fn, precision, recall, f1 };
}

export function evaluate(items: LabelledText[], analyze = analyzeText): EvaluationReport {
  const confusion = Object.fromEntries(
    SENTIMENT_LABELS.map((g) => [g, Object.fromEntries(SENTIMENT_LABELS.map((p) => [p, 0]))]),
  ) as EvaluationReport['sentiment']['confusion'];
  const domainCounts = Object.fromEntries(
    LIFE_DOMAIN_CODES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }]),
  ) as Record<LifeDomainCode, { tp: number; fp: number; fn: number }>;
  const mistakes: EvaluationReport['mistakes'] = [];
  let correct = 0;
  for (const item of items) {
    const result = analyze(item.text);
    const predicted = result.sentiment.label;
    confusion[item.sentiment][predicted]++;
    if (predicted === item.sentiment) correct++;
    const gold = new Set(item.domains);
    const found = new Set(result.lifeDomains.map((d) => d.code));
    for (const code of LIFE_DOMAIN_CODES) {
      if (gold.has(code) && found.has(code)) domainCounts[code].tp++;
      else if (found.has(code)) domainCounts[code].fp++;
      else if (gold.has(code)) domainCounts[code].fn++;
    }
    const goldDomains = [...gold].sort().join(',');
    const foundDomains = [...found].sort().join(',');
    if (predicted !== item.sentiment || goldDomains !== foundDomains) {
      mistakes.push({
        id: item.id,
        register: item.register,
        gold: `${item.sentiment} [${goldDomains}]`,
        predicted: `${predicted} [${foundDomains}] ${JSON.stringify(result.sentiment.evidence)}`,
      });
    }
  }
  const perLabel = Object.fromEntries(
    SENTIMENT_LABELS.map((label) => {
      const tp = confusion[label][label];
      const fp = SENTIMENT_LABELS.reduce((s, g) => s + (g === label ? 0 : confusion[g][label]), 0);
      const fn = SENTIMENT_LABELS.reduce((s, p) => s + (p === label ? 0 : confusion[label][p]), 0);
      return [label, precisionRecall(tp, fp, fn)];
    }),
  ) as Record<SentimentLabel, PrecisionRecall>;
  const perDomain = Object.fromEntries(
    LIFE_DOMAIN_CODES.map((c) => [
      c,
      precisionRecall(domainCounts[c].tp, domainCounts[c].fp, domainCounts[c].fn),
    ]),
  ) as Record<LifeDomainCode, PrecisionRecall>;
  const sum = (k: 'tp' | 'fp' | 'fn') => LIFE_DOMAIN_CODES.reduce((s, c) => s + domainCounts[c][k], 0);
  return {
    total: items.length,
    sentiment: { correct, accuracy: items.length ? correct / items.length : 0, perLabel, confusion },
    lifeDomains: { perDomain, micro: precisionRecall(sum('tp'), sum('fp'), sum('fn')) },
    mistakes,
  };
}

/** Parses a JSONL file of labelled texts and checks each line's shape. */
export function parseLabelledJsonl(content: string, source: string): LabelledText[] {
  return content
    .split('\n')
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => line.length > 0)
    .map(({ line, n }) => {
      const row = JSON.parse(line) as LabelledText;
      const ok =
        typeof row.id === 'string' &&
        typeof row.text === 'string' &&
        SENTIMENT_LABELS.includes(row.sentiment) &&
        Array.isArray(row.domains) &&
        row.domains.every((d) => (LIFE_DOMAIN_CODES as readonly string[]).includes(d));
      if (!ok) throw new Error(`${source}:${n}: not a labelled text`);
      return row;
    });
}
