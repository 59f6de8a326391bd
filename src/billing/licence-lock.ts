import { EntityManager } from 'typeorm';

/**
 * Serialises a municipality's billing changes (licences, invoices, licence state) on its tenants row, which
 * its own unit of work may lock (and only its own).
 */
export async function lockBilling(db: EntityManager, tenantId: string): Promise<void> {
  await db.query(`SELECT id FROM tenants WHERE id = $1 FOR UPDATE`, [tenantId]);
}
