import Fastify, { FastifyInstance } from 'fastify';
import { Pool } from 'pg';

/** Created by the owner in the scratch database only; never part of the application's schema. */
const SCRATCH_TABLE = 'bench_bare_filings';

/**
 * The baseline of the filing benchmark: the least a server can do with a filing, a minimal Fastify server that
 * parses the same JSON and inserts it as one row on the same database, with the same pool size as the app.
 */
export class BareInsertServer {
  private constructor(
    private readonly server: FastifyInstance,
    private readonly pool: Pool,
    readonly baseUrl: string,
  ) {}

  static async start(
    ownerQuery: (sql: string) => Promise<unknown>,
    appUrl: string,
    poolSize: number,
  ): Promise<BareInsertServer> {
    await ownerQuery(`
      CREATE TABLE IF NOT EXISTS ${SCRATCH_TABLE} (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant text NOT NULL,
        idempotency_key text NOT NULL UNIQUE,
        body jsonb NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await ownerQuery(`GRANT SELECT, INSERT ON ${SCRATCH_TABLE} TO bezwaar_app`);
    const pool = new Pool({ connectionString: appUrl, max: poolSize });
    const server = Fastify({ logger: false, bodyLimit: 1_048_576 });
    server.post<{ Params: { tenant: string } }>('/bare/:tenant', async (request, reply) => {
      const { rows } = await pool.query<{ id: string }>(
        `INSERT INTO ${SCRATCH_TABLE} (tenant, idempotency_key, body) VALUES ($1, $2, $3) RETURNING id`,
        [request.params.tenant, request.headers['idempotency-key'], request.body],
      );
      return reply.code(201).send({ id: rows[0].id });
    });
    const address = await server.listen({ port: 0, host: '127.0.0.1' });
    return new BareInsertServer(server, pool, address);
  }

  async close(): Promise<void> {
    await this.server.close();
    await this.pool.end();
  }
}
