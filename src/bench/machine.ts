import { cpus, totalmem, platform, release } from 'node:os';
import { Client } from 'pg';

/** The machine a run was made on: figures mean little without it. */
export interface Machine {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  postgres: string | null;
}

export async function describeMachine(adminUrl: string): Promise<Machine> {
  const cpu = cpus();
  return {
    cpuModel: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    os: `${platform()} ${release()}`,
    node: process.version,
    postgres: await postgresVersion(adminUrl),
  };
}

async function postgresVersion(url: string): Promise<string | null> {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<{ version: string }>(
      `SELECT current_setting('server_version') AS version`,
    );
    return rows[0].version;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}
