import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { ConfigError, loadAppConfig } from './config/app-config';

async function main(): Promise<void> {
  const config = loadAppConfig();
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  const url = `http://localhost:${config.port}`;
  const database = config.embedded ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL';
  new Logger('Bezwaarplatform').log(`Listening on ${url} (${database}); API docs at ${url}/api/docs`);
}

main().catch((error: unknown) => {
  // A configuration or tenant-file problem is one clear line, not a stack trace.
  const known =
    error instanceof ConfigError || (error instanceof Error && error.name === 'TenantConfigError');
  console.error(known ? (error as Error).message : error);
  process.exit(1);
});
