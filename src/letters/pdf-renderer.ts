import PDFDocument from 'pdfkit';
import { fontSource, LETTER_FONTS } from './letter-fonts';
import { LetterModel } from './letter-model';

const MARGIN = 64;
/** The box a logo is fitted into, in points (keeping its proportions). */
const LOGO = { width: 120, height: 48 };

/**
 * Renders any letter to PDF/A-2b (embedded, openly licensed fonts; archival per the Archiefwet), A4, with the
 * municipality's letterhead. One renderer for every kind of letter.
 */
export function renderLetterPdf(model: LetterModel): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    lang: 'nl-NL',
    displayTitle: true,
    info: { Title: model.subject, Author: model.letterhead.municipality, Subject: model.reference },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.registerFont('regular', fontSource(LETTER_FONTS.regular));
  pdf.registerFont('bold', fontSource(LETTER_FONTS.bold));
  pdf.font('regular');

  const { letterhead } = model;
  const width = pdf.page.width - 2 * MARGIN;
  pdf.rect(0, 0, pdf.page.width, 8).fill(letterhead.primaryColor);
  // The logo top right, the name beside it on the left in the municipality's colour.
  const nameWidth = letterhead.logo ? width - LOGO.width - 16 : width;
  if (letterhead.logo) {
    pdf.image(letterhead.logo.content, MARGIN + width - LOGO.width, 24, {
      fit: [LOGO.width, LOGO.height],
      align: 'right',
    });
  }
  pdf.font('bold').fontSize(16).fillColor(letterhead.primaryColor);
  pdf.text(letterhead.municipality, MARGIN, 36, { width: nameWidth });
  pdf.font('regular').fontSize(8.5).fillColor('#333333');
  pdf.text([...letterhead.address, letterhead.phone, letterhead.email, letterhead.website].join('  ·  '), {
    width: nameWidth,
  });
  if (letterhead.logo) pdf.y = Math.max(pdf.y, 24 + LOGO.height);
  pdf.fillColor('black').moveDown(2.5);

  pdf.fontSize(10.5).text(model.addressee.join('\n'));
  pdf.moveDown(1.5);
  pdf.fontSize(9.5);
  pdf.text(`Datum: ${model.date}`).text(`Ons kenmerk: ${model.reference}`);
  pdf.moveDown(1.2);
  pdf.font('bold').fontSize(12).text(model.subject, { width });
  pdf.moveDown(0.8);

  for (const block of model.blocks) {
    if (block.kind === 'heading') {
      pdf.moveDown(0.6).font('bold').fontSize(11).text(block.text, { width }).moveDown(0.2);
    } else if (block.kind === 'fact') {
      pdf.font('bold').fontSize(10).text(`${block.label}: `, { continued: true, width });
      pdf.font('regular').text(block.text || '—', { width });
    } else {
      pdf.font('regular').fontSize(10.5).text(block.text, { width, lineGap: 1.5 }).moveDown(0.6);
    }
  }
  pdf.moveDown(1).font('regular').fontSize(10.5).text(model.closing.join('\n'), { width });
  pdf.end();
  return done;
}
