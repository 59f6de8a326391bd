import { formatInvoiceNumber } from './invoice-number';

describe('invoice numbers', () => {
  it('reads year-sequence with six digits', () => {
    expect(formatInvoiceNumber(2026, 1)).toBe('2026-000001');
    expect(formatInvoiceNumber(2026, 123_456)).toBe('2026-123456');
    expect(formatInvoiceNumber(2027, 1_000_000)).toBe('2027-1000000');
  });

  it('refuses what is no number of a year', () => {
    expect(() => formatInvoiceNumber(2026, 0)).toThrow(RangeError);
    expect(() => formatInvoiceNumber(26, 1)).toThrow(RangeError);
    expect(() => formatInvoiceNumber(2026, 1.5)).toThrow(RangeError);
  });
});
