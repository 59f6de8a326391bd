import {
  basisPointsOf,
  centsOf,
  centsToJson,
  divideHalfUp,
  formatEuro,
  parseEuroCents,
  proRata,
} from './money';

describe('money in integer cents', () => {
  it('rounds half away from zero, once', () => {
    expect(divideHalfUp(5n, 10n)).toBe(1n); // 0.5 → 1
    expect(divideHalfUp(4n, 10n)).toBe(0n); // 0.4 → 0
    expect(divideHalfUp(15n, 10n)).toBe(2n); // 1.5 → 2
    expect(divideHalfUp(25n, 10n)).toBe(3n); // 2.5 → 3, not banker's 2
    expect(divideHalfUp(-5n, 10n)).toBe(-1n); // -0.5 → -1 (mirror of 0.5)
    expect(divideHalfUp(-4n, 10n)).toBe(0n);
    expect(divideHalfUp(0n, 7n)).toBe(0n);
    expect(() => divideHalfUp(1n, 0n)).toThrow(RangeError);
  });

  it('takes VAT of 21% to the nearest cent, with the 0.5 cent case going up', () => {
    expect(basisPointsOf(100n, 2100)).toBe(21n);
    // 50 × 0.21 = 10.5 cents → 11
    expect(basisPointsOf(50n, 2100)).toBe(11n);
    // 150 × 0.21 = 31.5 → 32; 149 × 0.21 = 31.29 → 31
    expect(basisPointsOf(150n, 2100)).toBe(32n);
    expect(basisPointsOf(149n, 2100)).toBe(31n);
    // A credit note's VAT is the exact negative of the invoice's.
    expect(basisPointsOf(-50n, 2100)).toBe(-11n);
    expect(basisPointsOf(-150n, 2100)).toBe(-basisPointsOf(150n, 2100));
  });

  it('stays exact far beyond what a float holds', () => {
    const huge = 2n ** 70n + 1n;
    expect(basisPointsOf(huge, 10_000)).toBe(huge);
    expect(proRata(huge, 1, 1)).toBe(huge);
  });

  it('pro-rates a yearly amount by days', () => {
    expect(proRata(3_650_000n, 1, 365)).toBe(10_000n);
    expect(proRata(1_000_000n, 184, 365)).toBe(504_110n); // 504109.589… → 504110
    expect(proRata(1_000_000n, 366, 366)).toBe(1_000_000n);
    // 100 × 73 / 146 = 50 exactly; 1 × 1 / 2 = 0.5 → 1
    expect(proRata(1n, 1, 2)).toBe(1n);
  });

  it('formats Dutch amounts with two decimals', () => {
    expect(formatEuro(0n)).toBe('€ 0,00');
    expect(formatEuro(5n)).toBe('€ 0,05');
    expect(formatEuro(123_456n)).toBe('€ 1.234,56');
    expect(formatEuro(1_200_000_00n)).toBe('€ 1.200.000,00');
    expect(formatEuro(-2_500n)).toBe('€ -25,00');
  });

  it('reads amounts typed in euros without floats', () => {
    expect(parseEuroCents('12000')).toBe(1_200_000n);
    expect(parseEuroCents('12.000')).toBe(1_200_000n);
    expect(parseEuroCents('€ 12.000,50')).toBe(1_200_050n);
    expect(parseEuroCents('12000,5')).toBe(1_200_050n);
    expect(parseEuroCents('0,07')).toBe(7n);
    expect(parseEuroCents('19.99')).toBe(1_999n);
    for (const bad of ['', '-5', '1,234', '12,345', 'twaalf', '1.2.3', '12e3']) {
      expect(parseEuroCents(bad)).toBeNull();
    }
  });

  it('converts cents to and from JSON and database text, refusing what JSON cannot hold', () => {
    expect(centsToJson(1_234n)).toBe(1234);
    expect(() => centsToJson(2n ** 60n)).toThrow(RangeError);
    expect(centsOf('9007199254740993')).toBe(9_007_199_254_740_993n);
    expect(centsOf(12)).toBe(12n);
    expect(() => centsOf(1.5)).toThrow(RangeError);
  });
});
