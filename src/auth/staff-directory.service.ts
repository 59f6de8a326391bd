import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Database } from '../database/database.service';
import { StaffRole, StaffUser } from './staff-user.entity';

export interface StaffMember {
  id: string;
  name: string;
  email: string;
  roles: StaffRole[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Who works on a tenant's cases: the handlers a case can be assigned to, and the names behind staff ids. */
@Injectable()
export class StaffDirectoryService {
  constructor(private readonly database: Database) {}

  /** Active staff with the handler role, by name. */
  handlers(tenantId: string): Promise<StaffMember[]> {
    return this.database.forTenant(tenantId, (db) => StaffDirectoryService.handlersIn(db, tenantId));
  }

  /** Everyone active on the staff, whatever their role (e.g. who took a contested decision, 7:5), by name. */
  active(tenantId: string): Promise<{ id: string; name: string }[]> {
    return this.database.forTenant(
      tenantId,
      async (db) =>
        (await db.query(
          `SELECT id, name FROM staff_users WHERE tenant_id = $1 AND active ORDER BY name, id`,
          [tenantId],
        )) as { id: string; name: string }[],
    );
  }

  /** As handlers(), inside the caller's unit of work. */
  static async handlersIn(db: EntityManager, tenantId: string, id?: string): Promise<StaffMember[]> {
    const query = db
      .getRepository(StaffUser)
      .createQueryBuilder('u')
      .select(['u.id', 'u.name', 'u.email', 'u.roles'])
      .where(`u.tenant_id = :tenantId AND u.active AND 'handler' = ANY(u.roles)`, { tenantId })
      .orderBy('u.name')
      .addOrderBy('u.id');
    if (id !== undefined) query.andWhere('u.id = :id', { id });
    const users = await query.getMany();
    return users.map(({ id, name, email, roles }) => ({ id, name, email, roles }));
  }

  /** The active handler with this id in the caller's unit of work, or null (also for a malformed id). */
  static async handlerIn(db: EntityManager, tenantId: string, id: string): Promise<StaffMember | null> {
    if (!UUID.test(id)) return null;
    const [handler] = await StaffDirectoryService.handlersIn(db, tenantId, id);
    return handler ?? null;
  }

  /** Names of staff ids, former and inactive staff included (a timeline keeps who did what). */
  static async namesIn(db: EntityManager, tenantId: string, ids: string[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids)].filter((id) => UUID.test(id));
    if (!wanted.length) return new Map();
    const rows = (await db.query(
      `SELECT id, name FROM staff_users WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
      [tenantId, wanted],
    )) as { id: string; name: string }[];
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
