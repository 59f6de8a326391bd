import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { LocalDate } from '../../deadlines/local-date';
import { InvoiceLine, InvoiceLineCode } from '../invoice-lines';
import { CENTS } from './cents.transformer';

export const INVOICE_STATUSES = ['draft', 'issued', 'paid', 'credited'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
export type InvoiceKind = 'invoice' | 'credit_note';

/** A line as stored (jsonb): cents as JSON numbers. */
export interface StoredLine {
  code: InvoiceLineCode;
  description: string;
  quantity: number;
  unitCents: number;
  amountCents: number;
}

/**
 * An invoice or credit note to a municipality. A draft may change or go; once issued it has its number and
 * its PDF, and never changes again but for being paid or credited.
 */
@Entity('invoices')
export class Invoice {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  kind!: InvoiceKind;

  @Column({ type: 'text' })
  status!: InvoiceStatus;

  @Column({ name: 'licence_id', type: 'uuid' })
  licenceId!: string;

  @Column({ name: 'period_start', type: 'date' })
  periodStart!: LocalDate;

  @Column({ name: 'period_end', type: 'date' })
  periodEnd!: LocalDate;

  @Column({ name: 'credits_invoice_id', type: 'uuid', nullable: true })
  creditsInvoiceId!: string | null;

  @Column({ type: 'jsonb' })
  lines!: StoredLine[];

  @Column({ name: 'net_cents', type: 'bigint', transformer: CENTS })
  netCents!: bigint;

  @Column({ name: 'vat_basis_points', type: 'integer' })
  vatBasisPoints!: number;

  @Column({ name: 'vat_cents', type: 'bigint', transformer: CENTS })
  vatCents!: bigint;

  @Column({ name: 'total_cents', type: 'bigint', transformer: CENTS })
  totalCents!: bigint;

  @Column({ type: 'integer', nullable: true })
  year!: number | null;

  @Column({ type: 'integer', nullable: true })
  sequence!: number | null;

  @Column({ type: 'text', nullable: true })
  number!: string | null;

  @Column({ name: 'issued_on', type: 'date', nullable: true })
  issuedOn!: LocalDate | null;

  @Column({ name: 'due_on', type: 'date', nullable: true })
  dueOn!: LocalDate | null;

  @Column({ name: 'paid_on', type: 'date', nullable: true })
  paidOn!: LocalDate | null;

  /** The archived PDF, written once when issued; selected only when downloaded. */
  @Column({ type: 'bytea', nullable: true, select: false })
  pdf!: Buffer | null;

  /** Why a credit note was made. */
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

export function storedLines(lines: readonly InvoiceLine[]): StoredLine[] {
  return lines.map((l) => ({ ...l, unitCents: Number(l.unitCents), amountCents: Number(l.amountCents) }));
}

export function linesOf(invoice: Invoice): InvoiceLine[] {
  return invoice.lines.map((l) => ({
    ...l,
    unitCents: BigInt(l.unitCents),
    amountCents: BigInt(l.amountCents),
  }));
}
