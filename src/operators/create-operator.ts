import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigError, loadAppConfig } from '../config/app-config';
import { dataSourceOptions } from '../database/data-source-options';
import { APP_ROLE } from '../database/tenant-isolation.sql';
import { operatorAccountProblems, saveOperator } from './operator-accounts';

/**
 * `OPERATOR_PASSWORD=… node dist/operators/create-operator.js <email> <name>`: creates a platform operator, or
 * gives an existing one a new name and password (and reactivates it). The password comes from the environment,
 * never from the command line (which other users of the machine and the shell history can see).
 */
async function createOperator(args: string[]): Promise<void> {
  const [email = '', ...nameParts] = args;
  const name = nameParts.join(' ');
  const password = process.env.OPERATOR_PASSWORD;
  const problems = operatorAccountProblems(email, name, password);
  if (problems.length) {
    throw new ConfigError(
      `Usage: OPERATOR_PASSWORD=… node dist/operators/create-operator.js <email> <name>\n${problems.join('\n')}`,
    );
  }
  const config = loadAppConfig();
  const dataSource = new DataSource(dataSourceOptions(config));
  await dataSource.initialize();
  try {
    const { created } = await dataSource.transaction(async (db) => {
      if (config.embedded) await db.query(`SET LOCAL ROLE ${APP_ROLE}`);
      return saveOperator(db, { email, name, password: password!, demo: false });
    });
    console.log(`${created ? 'Created' : 'Updated'} platform operator ${email.trim().toLowerCase()}`);
  } finally {
    await dataSource.destroy();
  }
}

createOperator(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
