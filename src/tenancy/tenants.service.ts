import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';
import { ProblemError } from '../common/problems/problem.error';
import { Tenant } from './tenant.entity';

/** When a municipality's data was last exported, and by which operator (offboarding asks for a recent export). */
export interface TenantExportMark {
  exportedAt: Date | null;
  exportedBy: string | null;
}

@Injectable()
export class TenantsService {
  constructor(private readonly database: Database) {}

  /** The tenant a public path names; unknown slugs are a 404 problem. */
  async requireBySlug(slug: string): Promise<Tenant> {
    const tenant = await this.database.readPlatform((db) => db.getRepository(Tenant).findOneBy({ slug }));
    if (!tenant) throw ProblemError.notFound(`Er is geen gemeente "${slug}" op dit platform.`);
    return tenant;
  }

  list(): Promise<Tenant[]> {
    return this.database.forPlatform((db) => db.getRepository(Tenant).find({ order: { slug: 'ASC' } }));
  }

  /** Notes a downloaded export of the tenant's data. */
  async markExported(tenantId: string, operatorId: string): Promise<void> {
    await this.database.forPlatform((db) =>
      db.query(`UPDATE tenants SET exported_at = now(), exported_by = $2 WHERE id = $1`, [
        tenantId,
        operatorId,
      ]),
    );
  }

  async exportMark(tenantId: string): Promise<TenantExportMark> {
    const [row] = (await this.database.forPlatform((db) =>
      db.query(`SELECT exported_at, exported_by FROM tenants WHERE id = $1`, [tenantId]),
    )) as { exported_at: Date | null; exported_by: string | null }[];
    return { exportedAt: row?.exported_at ?? null, exportedBy: row?.exported_by ?? null };
  }
}
