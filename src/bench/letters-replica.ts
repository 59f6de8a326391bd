import { Database } from '../database/database.service';
import { sampleLetter } from '../letters/letter-samples';
import { LettersService } from '../letters/letters.service';
import { TenantsService } from '../tenancy/tenants.service';
import { startApp } from './app-under-test';

/** What a replica process tells the benchmark, one JSON object per line on stdout. */
export type ReplicaMessage = { ready: true } | { made: number } | { done: number; bytes: number };

const [databaseUrl, tenantSlug, countArg] = process.argv.slice(2);

/**
 * One replica of a bulk run, in its own process (so its own core): boots the whole app on the benchmark's
 * database, waits for "go" on stdin, then makes its share of decision letters as LettersService.render does for
 * each case of a bulk run, reporting every 100.
 */
async function main(): Promise<void> {
  const say = (message: ReplicaMessage) => process.stdout.write(`${JSON.stringify(message)}\n`);
  const underTest = await startApp(databaseUrl, 'fastify', false);
  try {
    const { app } = underTest;
    const letters = app.get(LettersService);
    const database = app.get(Database);
    const tenant = await app.get(TenantsService).requireBySlug(tenantSlug);
    const request = sampleLetter('decision', tenant);
    await database.forTenant(tenant.id, (db) => letters.render(db, request)); // warm up
    say({ ready: true });
    await new Promise((resolve) => process.stdin.once('data', resolve));
    const count = Number(countArg);
    let bytes = 0;
    for (let i = 1; i <= count; i++) {
      bytes += (await database.forTenant(tenant.id, (db) => letters.render(db, request))).length;
      if (i % 100 === 0) say({ made: i });
    }
    say({ done: count, bytes });
  } finally {
    await underTest.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`);
    process.exit(1);
  },
);
