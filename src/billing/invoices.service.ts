import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ProblemError } from '../common/problems/problem.error';
import { Database } from '../database/database.service';
import { TenantsService } from '../tenancy/tenants.service';
import { Invoice, InvoiceStatus } from './entities/invoice.entity';
import { invoiceView, InvoiceView } from './invoice-view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reading invoices: a municipality's own, or all of them for the operator (one unit of work per municipality). */
@Injectable()
export class InvoicesService {
  constructor(
    private readonly database: Database,
    private readonly tenants: TenantsService,
  ) {}

  /** A municipality's invoices and credit notes, the newest period first. */
  list(tenantId: string): Promise<Invoice[]> {
    return this.database.forTenant(tenantId, (db) =>
      db.getRepository(Invoice).find({
        where: { tenantId },
        order: { periodStart: 'DESC', createdAt: 'DESC' },
      }),
    );
  }

  /** Every municipality's invoices, optionally of one licence year and/or status; numbered ones by number. */
  async listAll(filter: { year?: number; status?: InvoiceStatus } = {}): Promise<InvoiceView[]> {
    const views: InvoiceView[] = [];
    for (const tenant of await this.tenants.list()) {
      const invoices = await this.list(tenant.id);
      views.push(
        ...invoices
          .filter((i) => !filter.year || i.periodStart.startsWith(`${filter.year}-`))
          .filter((i) => !filter.status || i.status === filter.status)
          .map((i) => invoiceView(i, tenant)),
      );
    }
    // Numbered ones by number, newest first; drafts (no number yet) after them.
    const key = (v: InvoiceView) => v.number ?? '';
    return views.sort((a, b) =>
      key(a) === key(b) ? a.tenant.slug.localeCompare(b.tenant.slug) : key(a) < key(b) ? 1 : -1,
    );
  }

  get(tenantId: string, id: string): Promise<Invoice> {
    return this.database.forTenant(tenantId, (db) => findInvoice(db, tenantId, id));
  }

  /** The archived PDF of an issued invoice or credit note, exactly as it was issued. */
  async pdf(tenantId: string, id: string): Promise<{ filename: string; content: Buffer }> {
    const invoice = UUID.test(id)
      ? await this.database.forTenant(tenantId, (db) =>
          db
            .getRepository(Invoice)
            .createQueryBuilder('i')
            .addSelect('i.pdf')
            .where('i.tenant_id = :tenantId AND i.id = :id', { tenantId, id })
            .getOne(),
        )
      : null;
    if (!invoice) throw ProblemError.notFound('Deze factuur bestaat niet.');
    if (!invoice.pdf || !invoice.number) {
      throw ProblemError.notFound('Een conceptfactuur heeft nog geen PDF. Die komt er bij het uitreiken.');
    }
    const name = invoice.kind === 'credit_note' ? 'creditnota' : 'factuur';
    return { filename: `${name}-${invoice.number}.pdf`, content: invoice.pdf };
  }
}

/** An invoice of the tenant, optionally locked for the rest of the unit of work; 404 when there is none. */
export async function findInvoice(
  db: EntityManager,
  tenantId: string,
  id: string,
  lock = false,
): Promise<Invoice> {
  const query = db
    .getRepository(Invoice)
    .createQueryBuilder('i')
    .where('i.tenant_id = :tenantId AND i.id = :id', {
      tenantId,
      id,
    });
  const invoice = UUID.test(id) ? await (lock ? query.setLock('pessimistic_write') : query).getOne() : null;
  if (!invoice) throw ProblemError.notFound('Deze factuur bestaat niet.');
  return invoice;
}
