import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { Database } from '../database/database.service';
import { sampleLetter } from '../letters/letter-samples';
import { LettersService } from '../letters/letters.service';
import { TenantsService } from '../tenancy/tenants.service';
import { FILING_TENANT } from './filing.bench';
import { BenchOptions, Comparison, round } from './result';
import type { Stage } from './stage';

const FONTS = join(__dirname, '..', '..', 'assets', 'fonts');

/** The least pdfkit does for a page of the same text: the same font embedded, no letterhead, no template. */
function barePdf(text: string, font: Buffer): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A4', margin: 64 });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.registerFont('regular', font);
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
  const font = readFileSync(join(FONTS, 'DejaVuSans.ttf'));
  const count = options.quick ? 50 : 10_000;

  await barePdf(text, font); // warm up both paths
  await database.forTenant(tenant.id, (db) => letters.render(db, request));
  const bare = await perSecond('bare pdfkit', count, () => barePdf(text, font), options);
  const real = await perSecond(
    'decision letters',
    count,
    () => database.forTenant(tenant.id, (db) => letters.render(db, request)),
    options,
  );
  const ratio = real.perSecond / bare.perSecond;
  const minutesFor10k = 10_000 / real.perSecond / 60;
  return {
    benchmark: 'letters',
    measured: 'decision letters (LettersService.render, one unit of work each, one thread)',
    baseline: 'bare pdfkit page, same text and font',
    unit: 'letters/s',
    value: round(real.perSecond, 1),
    baselineValue: round(bare.perSecond, 1),
    ratio: round(ratio, 3),
    target: 'ratio ≥ 0.50 and 10,000 letters < 3 min on 2 cores',
    met: ratio >= 0.5 && minutesFor10k < 3,
    details: {
      letters: count,
      minutesFor10kAtThisRate: round(minutesFor10k, 2),
      averageBytes: { letter: Math.round(real.bytes), bare: Math.round(bare.bytes) },
    },
  };
}
