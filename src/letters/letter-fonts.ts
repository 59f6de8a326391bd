import { create, Font } from 'fontkit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FONTS = join(__dirname, '..', '..', 'assets', 'fonts');

/**
 * A font file parsed once per process. pdfkit takes a parsed font (anything with `layout`) as well as a file; a
 * file it parses again for every document, which made font parsing most of the cost of a letter.
 */
function parsed(file: string): Font {
  const font = create(readFileSync(join(FONTS, file)));
  if (!('layout' in font)) throw new Error(`${file} is a font collection, not one font`);
  return font;
}

/** The letters' fonts (embedded in every PDF/A letter): openly licensed DejaVu Sans. */
export const LETTER_FONTS = {
  regular: parsed('DejaVuSans.ttf'),
  bold: parsed('DejaVuSans-Bold.ttf'),
};

/** As pdfkit's registerFont types its source; it accepts the parsed font at run time. */
export function fontSource(font: Font): PDFKit.Mixins.PDFFontSource {
  return font as unknown as PDFKit.Mixins.PDFFontSource;
}
