import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { ProblemError } from '../common/problems/problem.error';
import { Database } from '../database/database.service';
import { Tenant } from '../tenancy/tenant.entity';
import { Invoice, storedLines } from './entities/invoice.entity';
import { planTermsOf } from './entities/licence-plan.entity';
import { TenantLicence } from './entities/tenant-licence.entity';
import { billingPeriod, invoiceLines, invoiceTotals } from './invoice-lines';
import { findInvoice } from './invoices.service';
import { lockBilling } from './licence-lock';
import { objectionsFiled } from './usage.service';

/**
 * Drafts: one invoice per licence and licence year (the calendar year), from the plan as it is now, the
 * municipality's inhabitants as they are now and the usage records of the period. Generating again replaces
 * the drafts of that year; a licence year with an issued (or paid) invoice is left alone: correct it with a
 * credit note first.
 */
@Injectable()
export class InvoiceGenerationService {
  constructor(private readonly database: Database) {}

  /** (Re)generates the drafts of `year`; returns them. */
  generate(tenantId: string, year: number): Promise<Invoice[]> {
    if (!Number.isInteger(year) || year < 2000 || year > 2999) {
      throw ProblemError.invalid([{ field: 'year', message: 'Kies een jaar, zoals 2026.' }]);
    }
    return this.database.forTenant(tenantId, async (db) => {
      await lockBilling(db, tenantId);
      const tenant = await db.getRepository(Tenant).findOneByOrFail({ id: tenantId });
      const licences = await db
        .getRepository(TenantLicence)
        .find({ where: { tenantId }, order: { startsOn: 'ASC' } });
      const invoices = db.getRepository(Invoice);
      const drafts: Invoice[] = [];
      const alreadyIssued: string[] = [];
      for (const licence of licences) {
        const period = billingPeriod(licence, year);
        if (!period) continue;
        const ofYear = (
          await invoices.find({ where: { tenantId, licenceId: licence.id, kind: 'invoice' } })
        ).filter((i) => i.periodStart.startsWith(`${year}-`));
        const standing = ofYear.find((i) => i.status === 'issued' || i.status === 'paid');
        if (standing) {
          alreadyIssued.push(standing.number!);
          continue;
        }
        const stale = ofYear.filter((i) => i.status === 'draft').map((i) => i.id);
        if (stale.length) await invoices.delete({ tenantId, id: In(stale) });

        const lines = invoiceLines({
          plan: planTermsOf(licence.plan),
          licence,
          period,
          inhabitants: tenant.profile.inhabitants,
          objectionsFiled: await objectionsFiled(db, tenantId, period.start, period.end),
          // The one-time fee comes with the first year of the municipality's first licence.
          withImplementationFee: licence.id === licences[0].id && period.start === licence.startsOn,
        });
        const totals = invoiceTotals(lines);
        drafts.push(
          await invoices.save(
            invoices.create({
              tenantId,
              kind: 'invoice',
              status: 'draft',
              licenceId: licence.id,
              periodStart: period.start,
              periodEnd: period.end,
              lines: storedLines(lines),
              ...totals,
            }),
          ),
        );
      }
      if (drafts.length) return drafts;
      if (alreadyIssued.length) {
        throw ProblemError.conflict(
          'already-invoiced',
          `${year} is al gefactureerd (${alreadyIssued.join(', ')}). Moet er iets veranderen? Maak dan eerst een creditnota; daarna kunt u opnieuw factureren.`,
        );
      }
      throw ProblemError.conflict(
        'no-licence',
        `${tenant.name} had in ${year} geen licentie. Er valt niets te factureren.`,
      );
    });
  }

  /** Removes a draft (an issued invoice is never removed: credit it). */
  deleteDraft(tenantId: string, id: string): Promise<void> {
    return this.database.forTenant(tenantId, async (db) => {
      const invoice = await findInvoice(db, tenantId, id, true);
      if (invoice.status !== 'draft') {
        throw ProblemError.conflict(
          'invoice-issued',
          `Factuur ${invoice.number} is uitgereikt en blijft bewaard. Corrigeer haar met een creditnota.`,
        );
      }
      await db.getRepository(Invoice).delete({ tenantId, id });
    });
  }
}
