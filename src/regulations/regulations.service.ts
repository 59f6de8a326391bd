import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Database } from '../database/database.service';
import { Regulation } from './regulation.entity';

@Injectable()
export class RegulationsService {
  constructor(private readonly database: Database) {}

  findActive(tenantId: string, code: string): Promise<Regulation | null> {
    return this.database.forTenant(tenantId, (db) => RegulationsService.findActiveIn(db, tenantId, code));
  }

  /** The same, inside a unit of work the caller already has. */
  static findActiveIn(db: EntityManager, tenantId: string, code: string): Promise<Regulation | null> {
    return db.getRepository(Regulation).findOneBy({ tenantId, code, active: true });
  }

  /** The regulations a citizen can object under, in name order. */
  listActive(tenantId: string): Promise<Regulation[]> {
    return this.database.forTenant(tenantId, (db) =>
      db.getRepository(Regulation).find({ where: { tenantId, active: true }, order: { name: 'ASC' } }),
    );
  }
}
