import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';
import { Objection } from '../objections/objection.entity';

/** The open cases of one tenant, nearest decision deadline first. */
@Injectable()
export class InboxService {
  constructor(private readonly database: Database) {}

  list(tenantId: string, limit: number): Promise<Objection[]> {
    return this.database.forTenant(tenantId, (db) =>
      db
        .getRepository(Objection)
        .createQueryBuilder('o')
        .where('o.tenant_id = :tenantId', { tenantId })
        .andWhere(`o.status NOT IN ('decided', 'withdrawn', 'closed')`)
        .orderBy('o.decision_term_ends', 'ASC', 'NULLS LAST')
        .addOrderBy('o.id', 'ASC')
        .limit(limit)
        .getMany(),
    );
  }
}
