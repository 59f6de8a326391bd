import { deflateSync } from 'node:zlib';
import { docx } from '../../test/support/office-files';
import { docxActiveContent, pdfActiveContent, ZIP_LIMITS } from './attachment-content';

/** A plain PDF with one page and a link: nothing that acts by itself. */
const PLAIN_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' +
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n' +
    '3 0 obj << /Type /Page /Parent 2 0 R /Annots [<< /Subtype /Link /A << /S /URI /URI (https://x.example) >> >>] >> endobj\n' +
    'trailer << /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);

function pdfWithObjectStream(objects: string, dictionary = '/Filter /FlateDecode'): Buffer {
  const packed = deflateSync(Buffer.from(objects, 'latin1'));
  return Buffer.concat([
    Buffer.from(
      `%PDF-1.5\n5 0 obj << /Type /ObjStm /N 1 /First 4 ${dictionary} /Length ${packed.length} >>\nstream\n`,
      'latin1',
    ),
    packed,
    Buffer.from('\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1'),
  ]);
}

describe('pdfActiveContent', () => {
  it('lets a plain PDF with a link through', () => {
    expect(pdfActiveContent(PLAIN_PDF)).toBeNull();
    expect(pdfActiveContent(pdfWithObjectStream('1 0 << /Type /Catalog /Pages 2 0 R >>'))).toBeNull();
  });

  it.each([
    ['JavaScript', '<< /Type /Catalog /Names << /JavaScript 9 0 R >> >>'],
    ['a JS action', '<< /S /JavaScript /JS (app.alert\\(1\\)) >>'],
    ['an OpenAction', '<< /Type /Catalog /OpenAction 4 0 R >>'],
    ['an additional action', '<< /Type /Page /AA << /O 7 0 R >> >>'],
    ['a Launch action', '<< /S /Launch /F (cmd.exe) >>'],
    ['an embedded file', '<< /Type /EmbeddedFile /Length 3 >>'],
    ['a name spelled with #xx', '<< /J#61vaScript 9 0 R >>'],
    ['XFA forms', '<< /AcroForm << /XFA 8 0 R >> >>'],
  ])('refuses %s', (_what, dictionary) => {
    expect(pdfActiveContent(Buffer.from(`%PDF-1.4\n1 0 obj ${dictionary} endobj\n%%EOF`, 'latin1'))).toMatch(
      /JavaScript/,
    );
  });

  it('finds an action hidden in a compressed object stream', () => {
    expect(
      pdfActiveContent(pdfWithObjectStream('1 0 << /Type /Catalog /OpenAction << /S /JavaScript >> >>')),
    ).toMatch(/JavaScript/);
  });

  it('refuses an object stream it cannot unpack', () => {
    expect(pdfActiveContent(pdfWithObjectStream('1 0 << >>', '/Filter /LZWDecode'))).toMatch(/controleren/);
  });

  it('does not take a longer name (/JSON, /AAA) for an action', () => {
    expect(
      pdfActiveContent(Buffer.from('%PDF-1.4\n1 0 obj << /JSON 1 /AAA 2 /Launcher 3 >> endobj', 'latin1')),
    ).toBeNull();
  });
});

describe('docxActiveContent', () => {
  it('lets a plain Word file through', () => {
    expect(docxActiveContent(docx())).toBeNull();
  });

  it('refuses macros, however the file is named', () => {
    expect(docxActiveContent(docx([{ name: 'word/vbaProject.bin', content: Buffer.from('VBA') }]))).toMatch(
      /macro/,
    );
    const macroTypes = Buffer.from(
      '<Types><Override ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>',
    );
    expect(docxActiveContent(docx([], macroTypes))).toMatch(/macro/);
    expect(
      docxActiveContent(docx([{ name: 'word/activeX/activeX1.xml', content: Buffer.from('<x/>') }])),
    ).toMatch(/macro/);
    expect(
      docxActiveContent(docx([{ name: 'word/embeddings/oleObject1.bin', content: Buffer.from('MZ') }])),
    ).toMatch(/programma/);
  });

  it('refuses an archive bomb: a high ratio, a lying directory, or too much in total', () => {
    const zeros = Buffer.alloc(8 * 1024 * 1024);
    expect(docxActiveContent(docx([{ name: 'word/media/a.xml', content: zeros }]))).toMatch(/uitgepakt/);
    expect(
      docxActiveContent(
        docx([{ name: 'word/media/b.xml', content: Buffer.alloc(4096, 1), claimedSize: 100 }]),
      ),
    ).toMatch(/uitgepakt/);
    const many = Array.from({ length: 30 }, (_, i) => ({
      name: `word/media/${i}.bin.xml`,
      content: Buffer.alloc(10),
      claimedSize: Math.ceil(ZIP_LIMITS.totalBytes / 25),
    }));
    expect(docxActiveContent(docx(many))).toMatch(/uitgepakt/);
  });

  it('refuses an encrypted part and a broken zip', () => {
    expect(docxActiveContent(docx([{ name: 'word/x.xml', content: Buffer.from('x'), flags: 1 }]))).toMatch(
      /wachtwoord/,
    );
    expect(docxActiveContent(docx().subarray(0, 60))).toMatch(/beschadigd/);
  });
});
