import { docx, zipArchive } from '../../test/support/office-files';
import { acceptAttachments, safeFilename } from './attachment-policy';

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

describe('acceptAttachments', () => {
  it('recognises files by their content and names them accordingly', async () => {
    const [pdf, png] = await acceptAttachments([
      { filename: 'brief.PDF', content: PDF },
      { filename: 'scan', content: PNG },
    ]);
    expect(pdf).toMatchObject({ filename: 'brief.PDF', mediaType: 'application/pdf', size: PDF.length });
    expect(pdf.sha256).toHaveLength(64);
    expect(png).toMatchObject({ filename: 'scan.png', mediaType: 'image/png' });
  });

  it('accepts a plain Word file', async () => {
    const [word] = await acceptAttachments([{ filename: 'brief.docx', content: docx() }]);
    expect(word.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });

  it('refuses a file whose first bytes do not match the type its name claims', async () => {
    await expect(acceptAttachments([{ filename: 'scan.jpg', content: PNG }])).rejects.toMatchObject({
      status: 415,
      code: 'attachment-type-mismatch',
      detail:
        'scan.jpg heeft de naam van een JPEG-foto, maar is een PNG-afbeelding. Geef het bestand de juiste naam of stuur het opnieuw.',
    });
    await expect(acceptAttachments([{ filename: 'brief.docx', content: PDF }])).rejects.toMatchObject({
      code: 'attachment-type-mismatch',
    });
  });

  it('refuses active content: a PDF with JavaScript, a Word file with macros', async () => {
    const scripted = Buffer.from(
      '%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (x) >> >> endobj\n%%EOF',
    );
    await expect(acceptAttachments([{ filename: 'brief.pdf', content: scripted }])).rejects.toMatchObject({
      status: 415,
      code: 'attachment-active-content',
    });
    const macros = docx([{ name: 'word/vbaProject.bin', content: Buffer.from('VBA') }]);
    await expect(acceptAttachments([{ filename: 'brief.docx', content: macros }])).rejects.toMatchObject({
      status: 415,
      code: 'attachment-active-content',
    });
  });

  it.each([
    [
      'an SVG image',
      'plaatje.svg',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    ],
    ['an HTML page', 'brief.html', Buffer.from('<!doctype html><html><script>alert(1)</script></html>')],
    ['a zip archive', 'stukken.zip', zipArchive([{ name: 'a.txt', content: Buffer.from('a') }])],
    [
      'a spreadsheet',
      'lijst.xlsx',
      zipArchive([
        { name: '[Content_Types].xml', content: Buffer.from('<Types/>') },
        { name: 'xl/workbook.xml', content: Buffer.from('<w/>') },
      ]),
    ],
  ])('refuses %s', async (_what, filename, content) => {
    await expect(acceptAttachments([{ filename, content }])).rejects.toMatchObject({
      status: 415,
      code: 'attachment-type',
    });
  });

  it('refuses what is not a PDF, image or Word file, whatever its name', async () => {
    await expect(
      acceptAttachments([{ filename: 'x.pdf', content: Buffer.from('<script>alert(1)</script>') }]),
    ).rejects.toMatchObject({
      status: 415,
    });
  });

  it('refuses an empty file, one over 10 MB, and more than 25 MB together', async () => {
    await expect(
      acceptAttachments([{ filename: 'leeg.pdf', content: Buffer.alloc(0) }]),
    ).rejects.toMatchObject({ status: 400 });
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    await expect(acceptAttachments([{ filename: 'groot.pdf', content: big }])).rejects.toMatchObject({
      status: 413,
    });
    const nine = Buffer.concat([PDF, Buffer.alloc(9 * 1024 * 1024)]);
    await expect(
      acceptAttachments([1, 2, 3].map((i) => ({ filename: `${i}.pdf`, content: nine }))),
    ).rejects.toMatchObject({ status: 413, code: 'attachments-too-large' });
  });
});

describe('safeFilename', () => {
  it('drops paths and characters that could break a header', () => {
    expect(safeFilename('C:\\Users\\bo\\brief "1".pdf')).toBe('brief 1.pdf');
    expect(safeFilename('../../etc/passwd')).toBe('passwd');
    expect(safeFilename('\u0000\u0007')).toBe('bijlage');
  });
});
