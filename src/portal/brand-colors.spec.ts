import { brandColors, brandCss, contrastRatio } from './brand-colors';

describe('brandColors', () => {
  it('keeps white text on the dark demo colours', () => {
    for (const colour of ['#0B4F71', '#2E5E3A']) {
      const colors = brandColors(colour);
      expect(colors.onBrand).toBe('#ffffff');
      expect(colors.link).toBe(colour.toLowerCase());
      expect(contrastRatio(colors.brand, colors.onBrand)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(colors.brandDark, colors.onBrand)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('switches to dark text and a readable link colour for a light brand colour', () => {
    const colors = brandColors('#FFD700');
    expect(colors.onBrand).toBe('#0b0c0c');
    expect(contrastRatio(colors.brand, colors.onBrand)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(colors.link, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('never lets a configured value reach the stylesheet unchecked', () => {
    const css = brandCss(brandColors('red; } body { display: none'));
    expect(css).not.toContain('display');
    expect(css).toContain('--brand: #1d4f91;');
  });

  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
  });
});
