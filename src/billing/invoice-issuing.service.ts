import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ProblemError } from '../common/problems/problem.error';
import { Database } from '../database/database.service';
import { addDays, isLocalDate, LocalDate, todayInAmsterdam } from '../deadlines/local-date';
import { Tenant } from '../tenancy/tenant.entity';
import { PLATFORM_CONFIG } from './billing-config';
import { Invoice, linesOf, storedLines } from './entities/invoice.entity';
import { creditLines, invoiceTotals } from './invoice-lines';
import { formatInvoiceNumber, NEXT_INVOICE_NUMBER_SQL } from './invoice-number';
import { InvoicePdf } from './invoice-pdf';
import { findInvoice } from './invoices.service';
import { LicenceStateService } from './licence-state.service';
import type { PlatformConfig } from './platform-config';

/**
 * Issuing, payment and credit notes. Issuing takes the next number of the year in the same transaction that
 * stores the invoice and its PDF (see NEXT_INVOICE_NUMBER_SQL): gapless, also when issued concurrently. An
 * issued invoice is never changed again but for its status: paid, or credited by a credit note.
 */
@Injectable()
export class InvoiceIssuingService {
  constructor(
    private readonly database: Database,
    private readonly pdf: InvoicePdf,
    private readonly licenceStates: LicenceStateService,
    @Inject(PLATFORM_CONFIG) private readonly platform: PlatformConfig,
  ) {}

  /** Gives a draft its number, date, due date and archived PDF. */
  issue(tenantId: string, id: string): Promise<Invoice> {
    return this.database.forTenant(tenantId, async (db) => {
      const invoice = await findInvoice(db, tenantId, id, true);
      if (invoice.status !== 'draft') {
        throw ProblemError.conflict('invoice-issued', `Deze factuur is al uitgereikt als ${invoice.number}.`);
      }
      const today = todayInAmsterdam();
      const issued = await this.numberAndArchive(
        db,
        invoice,
        today,
        addDays(today, this.platform.seller.paymentTermDays),
      );
      return db.getRepository(Invoice).save(issued);
    });
  }

  /** Records the payment of an issued invoice; the licence state follows at once. */
  async markPaid(tenantId: string, id: string, paidOn: string = todayInAmsterdam()): Promise<Invoice> {
    if (!isLocalDate(paidOn) || paidOn > todayInAmsterdam()) {
      throw ProblemError.invalid([
        { field: 'paidOn', message: 'Vul de datum van betaling in (vandaag of eerder), zoals 2026-03-15.' },
      ]);
    }
    const paid = await this.database.forTenant(tenantId, async (db) => {
      const invoice = await findInvoice(db, tenantId, id, true);
      if (invoice.kind !== 'invoice' || invoice.status !== 'issued') {
        throw ProblemError.conflict(
          'invoice-not-payable',
          `Alleen een uitgereikte, openstaande factuur kan betaald worden; deze is ${statusWord(invoice)}.`,
        );
      }
      if (paidOn < invoice.issuedOn!) {
        throw ProblemError.invalid([
          {
            field: 'paidOn',
            message: `De betaling kan niet voor de factuurdatum (${invoice.issuedOn}) liggen.`,
          },
        ]);
      }
      invoice.status = 'paid';
      invoice.paidOn = paidOn;
      return db.getRepository(Invoice).save(invoice);
    });
    await this.licenceStates.evaluate(tenantId);
    return paid;
  }

  /**
   * Cancels an issued (or paid) invoice with a credit note: the same lines negated, its own number, and the
   * original marked credited, so that its licence year can be invoiced again.
   */
  async credit(tenantId: string, id: string, reason: string): Promise<Invoice> {
    if (!reason.trim()) {
      throw ProblemError.invalid([
        {
          field: 'reason',
          message: 'Schrijf op waarom de factuur wordt gecrediteerd. Dat staat op de creditnota.',
        },
      ]);
    }
    const note = await this.database.forTenant(tenantId, async (db) => {
      const original = await findInvoice(db, tenantId, id, true);
      if (original.kind !== 'invoice' || (original.status !== 'issued' && original.status !== 'paid')) {
        throw ProblemError.conflict(
          'invoice-not-creditable',
          `Alleen een uitgereikte of betaalde factuur kan gecrediteerd worden; deze is ${statusWord(original)}.`,
        );
      }
      const repository = db.getRepository(Invoice);
      original.status = 'credited';
      await repository.save(original);
      const lines = creditLines(linesOf(original));
      const draft = repository.create({
        tenantId,
        kind: 'credit_note',
        status: 'draft',
        licenceId: original.licenceId,
        periodStart: original.periodStart,
        periodEnd: original.periodEnd,
        creditsInvoiceId: original.id,
        lines: storedLines(lines),
        ...invoiceTotals(lines, original.vatBasisPoints),
        note: reason.trim(),
      });
      return repository.save(await this.numberAndArchive(db, draft, todayInAmsterdam(), null, original));
    });
    await this.licenceStates.evaluate(tenantId);
    return note;
  }

  /** Inside the unit of work: the next number of the year, the dates, and the PDF that is kept for good. */
  private async numberAndArchive(
    db: EntityManager,
    invoice: Invoice,
    issuedOn: LocalDate,
    dueOn: LocalDate | null,
    credited?: Invoice,
  ): Promise<Invoice> {
    const year = Number(issuedOn.slice(0, 4));
    const [{ last_number: sequence }] = (await db.query(NEXT_INVOICE_NUMBER_SQL, [year])) as {
      last_number: number;
    }[];
    const number = formatInvoiceNumber(year, sequence);
    const buyer = await db.getRepository(Tenant).findOneByOrFail({ id: invoice.tenantId });
    const pdf = await this.pdf.render({
      kind: invoice.kind,
      number,
      issuedOn,
      dueOn,
      period: { start: invoice.periodStart, end: invoice.periodEnd },
      lines: linesOf(invoice),
      totals: invoice,
      buyer: { name: buyer.name, profile: buyer.profile },
      credited: credited ? { number: credited.number!, issuedOn: credited.issuedOn! } : undefined,
      note: invoice.note,
    });
    return Object.assign(invoice, { status: 'issued', year, sequence, number, issuedOn, dueOn, pdf });
  }
}

function statusWord(invoice: Invoice): string {
  const words = {
    draft: 'een concept',
    issued: 'uitgereikt',
    paid: 'al betaald',
    credited: 'al gecrediteerd',
  };
  return invoice.kind === 'credit_note' ? 'een creditnota' : words[invoice.status];
}
