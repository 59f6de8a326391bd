import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { Database } from '../database/database.service';
import { fontSource, LETTER_FONTS } from '../letters/letter-fonts';
import { sampleLetter } from '../letters/letter-samples';
import { LettersService } from '../letters/letters.service';
import { TenantsService } from '../tenancy/tenants.service';
import { FILING_TENANT } from './filing.bench';
import type { ReplicaMessage } from './letters-replica';
import { BenchOptions, Comparison, round } from './result';
import type { Stage } from './stage';

/**
 * The least pdfkit does for a page of the same text: the same font (parsed once, as the letters have it)
 * embedded, no letterhead, no template.
 */
function barePdf(text: string): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A4', margin: 64 });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.registerFont('regular', fontSource(LETTER_FONTS.regular));
  pdf.font('regular').fontSize(10.5).text(text);
  pdf.end();
  return done;
}

/** Renders `count` documents one after another, printing progress every tenth; documents per second. */
async function perSecond(
  label: string,
  count: number,
  make: () => Promise<Buffer>,
  options: BenchOptions,
): Promise<{ perSecond: number; bytes: number }> {
  let bytes = 0;
  const step = Math.max(1, Math.floor(count / 10));
  const started = performance.now();
  for (let i = 1; i <= count; i++) {
    bytes += (await make()).length;
    if (!options.quick && i % step === 0) {
      const seconds = (performance.now() - started) / 1000;
      options.progress(
        `  ${label}: ${i}/${count} in ${seconds.toFixed(1)} s (${(i / seconds).toFixed(1)}/s)`,
      );
    }
  }
  return { perSecond: count / ((performance.now() - started) / 1000), bytes: bytes / count };
}

/**
 * 3. Decision letters through LettersService (the municipality's template read in its unit of work, Handlebars,
 * PDF/A with letterhead), one after another as a bulk run makes them, vs bare pdfkit pages of the same text.
 */
export async function benchLetters(stage: Stage, options: BenchOptions): Promise<Comparison> {
  const { app } = await stage.postgresApp();
  const letters = app.get(LettersService);
  const database = app.get(Database);
  const tenant = await app.get(TenantsService).requireBySlug(FILING_TENANT);
  const request = sampleLetter('decision', tenant);
  const { source } = await database.forTenant(tenant.id, (db) => letters.template(db, tenant, 'decision'));
  const text = letters.templates.renderSource(source, request.context);
  const count = options.quick ? 50 : 10_000;

  await barePdf(text); // warm up both paths
  await database.forTenant(tenant.id, (db) => letters.render(db, request));
  const bare = await perSecond('bare pdfkit', count, () => barePdf(text), options);
  const real = await perSecond(
    'decision letters',
    count,
    () => database.forTenant(tenant.id, (db) => letters.render(db, request)),
    options,
  );
  const replicas = await onReplicas(stage.database().appUrl, count, 2, options);
  options.progress(
    `  ${count} letters on 2 replica processes: ${replicas.seconds.toFixed(1)} s (${replicas.perSecond.toFixed(1)}/s)`,
  );
  const ratio = real.perSecond / bare.perSecond;
  const minutesFor10k = 10_000 / replicas.perSecond / 60;
  return {
    benchmark: 'letters',
    measured:
      'decision letters (LettersService.render, one unit of work each, one thread; then on 2 replicas)',
    baseline: 'bare pdfkit page, same text and font',
    unit: 'letters/s',
    value: round(real.perSecond, 1),
    baselineValue: round(bare.perSecond, 1),
    ratio: round(ratio, 3),
    target: 'ratio ≥ 0.50 and 10,000 letters < 3 min on 2 cores',
    met: ratio >= 0.5 && minutesFor10k < 3,
    details: {
      letters: count,
      onTwoReplicas: { seconds: round(replicas.seconds, 1), perSecond: round(replicas.perSecond, 1) },
      minutesFor10kOnTwoReplicas: round(minutesFor10k, 2),
      averageBytes: { letter: Math.round(real.bytes), bare: Math.round(bare.bytes) },
    },
  };
}

/**
 * The bulk run on both cores as production does it: two replicas (processes, each with its own event loop) on
 * one database, each making half of the letters; timed from "go" to the last letter, progress every tenth.
 */
async function onReplicas(
  databaseUrl: string,
  count: number,
  replicaCount: number,
  options: BenchOptions,
): Promise<{ seconds: number; perSecond: number }> {
  const share = Math.ceil(count / replicaCount);
  const made = Array<number>(replicaCount).fill(0);
  const step = Math.max(100, Math.floor(count / 10));
  let reported = 0;
  let started = 0;
  const replicas = made.map((_, index) => {
    const child = spawn(
      process.execPath,
      [join(__dirname, 'letters-replica.js'), databaseUrl, FILING_TENANT, String(share)],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    let resolveDone = () => {};
    const done = new Promise<void>((resolve) => (resolveDone = resolve));
    const ready = new Promise<void>((resolveReady) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        const message = JSON.parse(line) as ReplicaMessage;
        if ('ready' in message) resolveReady();
        if ('done' in message) resolveDone();
        if ('made' in message) made[index] = message.made;
        const total = made.reduce((a, b) => a + b, 0);
        if (!options.quick && total >= reported + step) {
          reported = total;
          const seconds = (performance.now() - started) / 1000;
          options.progress(`  on 2 replicas: ${total}/${count} in ${seconds.toFixed(1)} s`);
        }
      });
    });
    const exited = new Promise<void>((resolveExit, reject) =>
      child.on('exit', (code) => (code === 0 ? resolveExit() : reject(new Error(`replica exited ${code}`)))),
    );
    return { child, ready, done, exited };
  });
  await Promise.all(replicas.map((r) => r.ready));
  started = performance.now();
  for (const { child } of replicas) child.stdin.end('go\n');
  // A replica that fails rejects `exited` before its `done`.
  await Promise.race([
    Promise.all(replicas.map((r) => r.done)),
    ...replicas.map((r) => r.exited.then(() => {})),
  ]);
  await Promise.all(replicas.map((r) => r.done));
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(replicas.map((r) => r.exited));
  return { seconds, perSecond: (share * replicaCount) / seconds };
}
