import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { LocalDate } from '../../deadlines/local-date';
import { INVOICE_STATUSES, InvoiceKind, InvoiceStatus } from '../entities/invoice.entity';
import type { InvoiceLineCode } from '../invoice-lines';
import type { InvoiceView } from '../invoice-view';

export class GenerateInvoicesDto {
  @ApiProperty({ example: 2026, description: 'The licence year (calendar year) to invoice' })
  @IsInt({ message: 'Kies een jaar, zoals 2026.' })
  @Min(2000, { message: 'Kies een jaar, zoals 2026.' })
  @Max(2999, { message: 'Kies een jaar, zoals 2026.' })
  year!: number;
}

export class PaymentDto {
  @ApiPropertyOptional({ format: 'date', description: 'Default: today' })
  @IsOptional()
  @IsString({ message: 'Vul de datum van betaling in, zoals 2026-03-15.' })
  paidOn?: string;
}

export class CreditNoteDto {
  @ApiProperty({ example: 'Verkeerd aantal inwoners gebruikt', description: 'Printed on the credit note' })
  @IsString({ message: 'Schrijf op waarom de factuur wordt gecrediteerd.' })
  @MaxLength(500, { message: 'De reden is hoogstens 500 tekens.' })
  reason!: string;
}

export class InvoiceListQueryDto {
  @ApiPropertyOptional({ example: 2026, description: 'Licence year' })
  @IsOptional()
  @IsString()
  year?: string;

  @ApiPropertyOptional({ enum: INVOICE_STATUSES })
  @IsOptional()
  @IsIn(INVOICE_STATUSES, { message: `Kies een status: ${INVOICE_STATUSES.join(', ')}.` })
  status?: InvoiceStatus;
}

export class InvoiceLineDto {
  @ApiProperty({ enum: ['implementation', 'licence', 'extra_objections', 'discount'] })
  code!: InvoiceLineCode;
  @ApiProperty() description!: string;
  @ApiProperty() quantity!: number;
  @ApiProperty({ description: 'Euro cents (negative on a credit note or a discount)' }) unitCents!: number;
  @ApiProperty({ description: 'quantity × unitCents' }) amountCents!: number;
}

class InvoiceTenantDto {
  @ApiProperty() slug!: string;
  @ApiProperty() name!: string;
}

export class InvoiceDto implements InvoiceView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: InvoiceTenantDto }) tenant!: InvoiceTenantDto;
  @ApiProperty({ enum: ['invoice', 'credit_note'] }) kind!: InvoiceKind;
  @ApiProperty({ enum: INVOICE_STATUSES }) status!: InvoiceStatus;
  @ApiProperty({ type: String, nullable: true, example: '2026-000001', description: 'Set when issued' })
  number!: string | null;
  @ApiProperty({ format: 'uuid' }) licenceId!: string;
  @ApiProperty({ type: String, format: 'date' }) periodStart!: LocalDate;
  @ApiProperty({ type: String, format: 'date' }) periodEnd!: LocalDate;
  @ApiProperty({ type: [InvoiceLineDto] }) lines!: InvoiceLineDto[];
  @ApiProperty({ description: 'Sum of the lines, euro cents' }) netCents!: number;
  @ApiProperty({ example: 2100 }) vatBasisPoints!: number;
  @ApiProperty({ description: 'VAT on the net total, rounded half-up to the cent' }) vatCents!: number;
  @ApiProperty({ description: 'netCents + vatCents' }) totalCents!: number;
  @ApiProperty({ type: String, format: 'date', nullable: true }) issuedOn!: LocalDate | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dueOn!: LocalDate | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) paidOn!: LocalDate | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) creditsInvoiceId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why a credit note was made' }) note!:
    string | null;
}

export class GeneratedInvoicesDto {
  @ApiProperty({ type: [InvoiceDto] }) invoices!: InvoiceDto[];
}
