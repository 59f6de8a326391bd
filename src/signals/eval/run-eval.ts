/*
 * Prints the signal evaluation: `npm run eval:signals`. The held-out set is printed too; while tuning, pass
 * --dev-only (npm run eval:signals -- --dev-only) so that it stays unseen. --mistakes lists the errors.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LEXICON_VERSIONS } from '../text-signals';
import { headlineReport, xedAngerReport } from './out-of-domain';
import { evaluate, EvaluationReport, parseLabelledJsonl } from './signals-metrics';

/** The repository root: the nearest folder above this file (src/ or dist/) holding eval/signals, else the cwd. */
function findRepoRoot(): string {
  for (let dir = __dirname; dir !== resolve(dir, '..'); dir = resolve(dir, '..')) {
    if (existsSync(join(dir, 'eval', 'signals', 'dev.jsonl'))) return dir;
  }
  return process.cwd();
}
const repoRoot = findRepoRoot();
const pct = (x: number) => x.toFixed(3);

function print(name: string, report: EvaluationReport, showMistakes: boolean): void {
  const s = report.sentiment;
  console.log(`\n== ${name}: ${report.total} texts ==`);
  console.log(`sentiment accuracy ${pct(s.accuracy)} (${s.correct}/${report.total})`);
  for (const [label, m] of Object.entries(s.perLabel)) {
    console.log(
      `  ${label.padEnd(11)} precision ${pct(m.precision)} recall ${pct(m.recall)} f1 ${pct(m.f1)} (tp ${m.truePositives}, fp ${m.falsePositives}, fn ${m.falseNegatives})`,
    );
  }
  console.log(`  confusion (gold → predicted): ${JSON.stringify(s.confusion)}`);
  const d = report.lifeDomains;
  console.log(
    `life domains micro precision ${pct(d.micro.precision)} recall ${pct(d.micro.recall)} F1 ${pct(d.micro.f1)}`,
  );
  for (const [code, m] of Object.entries(d.perDomain)) {
    console.log(
      `  ${code.padEnd(16)} precision ${pct(m.precision)} recall ${pct(m.recall)} f1 ${pct(m.f1)} (tp ${m.truePositives}, fp ${m.falsePositives}, fn ${m.falseNegatives})`,
    );
  }
  if (showMistakes)
    for (const m of report.mistakes)
      console.log(`  ✗ ${m.id} ${m.register}: gold ${m.gold} | got ${m.predicted}`);
}

function main(): void {
  const args = process.argv.slice(2);
  const showMistakes = args.includes('--mistakes');
  console.log(`lexicons: ${LEXICON_VERSIONS.sentiment}, ${LEXICON_VERSIONS.lifeDomains}`);
  const dev = join(repoRoot, 'eval', 'signals', 'dev.jsonl');
  print(
    'development set (eval/signals/dev.jsonl)',
    evaluate(parseLabelledJsonl(readFileSync(dev, 'utf8'), dev)),
    showMistakes,
  );
  if (!args.includes('--dev-only')) {
    const holdout = join(repoRoot, 'eval', 'signals', 'holdout.jsonl');
    print(
      'HELD-OUT set (eval/signals/holdout.jsonl)',
      evaluate(parseLabelledJsonl(readFileSync(holdout, 'utf8'), holdout)),
      showMistakes,
    );
  } else {
    console.log('\n(held-out set not evaluated: --dev-only)');
  }

  const ood = resolve(repoRoot, '..', 'shared', 'nl-eval-data');
  console.log(`\n== out-of-domain (${ood}) ==`);
  const headlines = join(ood, 'ecosent_headlines_nl.csv');
  if (existsSync(headlines)) {
    const r = headlineReport(readFileSync(headlines, 'utf8'));
    console.log(
      `ecosent gold headlines: angry/distressed on ${pct(r.flaggedNegative)} of ${r.negative} negative and on ${pct(r.flaggedOther)} of ${r.other} neutral/positive headlines`,
    );
  } else console.log(`MISSING: ${headlines} — out-of-domain headline figures skipped`);
  const xed = join(ood, 'xed_nl_projections.tsv');
  if (existsSync(xed)) {
    const r = xedAngerReport(readFileSync(xed, 'utf8'));
    console.log(
      `XED nl subtitles: ${r.lines} lines, ${r.goldAnger} anger; predicted angry ${r.predictedAngry}; angry precision ${pct(r.precision)} recall ${pct(r.recall)}`,
    );
  } else console.log(`MISSING: ${xed} — out-of-domain XED figures skipped`);
}

main();
