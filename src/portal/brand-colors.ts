/**
 * The municipality's colour as portal CSS, with text colours chosen so that every combination meets WCAG 2.1 AA
 * (4.5:1), whatever colour a tenant configures.
 */

const HEX = /^#([0-9a-f]{6})$/i;
export const WHITE = '#ffffff';
const INK = '#0b0c0c';
/** Used for links when the brand colour is too light to be read on white. */
const FALLBACK_LINK = '#1d4f91';
/** WCAG 2.1 AA (1.4.3): the least contrast of normal text with its background. */
export const AA = 4.5;

export interface BrandColors {
  /** Background of the header, buttons and panels. */
  brand: string;
  /** Text on the brand colour. */
  onBrand: string;
  /** Buttons when hovered. */
  brandDark: string;
  /** Links on white. */
  link: string;
}

export function brandColors(primaryColor: string): BrandColors {
  const brand = HEX.test(primaryColor) ? primaryColor.toLowerCase() : FALLBACK_LINK;
  const onBrand = contrastRatio(brand, WHITE) >= AA ? WHITE : INK;
  return {
    brand,
    onBrand,
    brandDark: onBrand === WHITE ? mix(brand, '#000000', 0.25) : mix(brand, WHITE, 0.25),
    link: contrastRatio(brand, WHITE) >= AA ? brand : FALLBACK_LINK,
  };
}

/** The per-tenant stylesheet: custom properties only; the shared stylesheet does the rest. */
export function brandCss(colors: BrandColors): string {
  return [
    ':root {',
    `  --brand: ${colors.brand};`,
    `  --on-brand: ${colors.onBrand};`,
    `  --brand-dark: ${colors.brandDark};`,
    `  --link: ${colors.link};`,
    '}',
    '',
  ].join('\n');
}

/** WCAG 2.1 contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

function channels(hex: string): [number, number, number] {
  const value = parseInt(hex.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function mix(hex: string, other: string, amount: number): string {
  const a = channels(hex);
  const b = channels(other);
  return `#${a
    .map((c, i) => Math.round(c + (b[i] - c) * amount))
    .map((c) => c.toString(16).padStart(2, '0'))
    .join('')}`;
}
