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
      { filename: 'scan.jpg', content: PNG },
    ]);
    expect(pdf).toMatchObject({ filename: 'brief.PDF', mediaType: 'application/pdf', size: PDF.length });
    expect(pdf.sha256).toHaveLength(64);
    expect(png).toMatchObject({ filename: 'scan.png', mediaType: 'image/png' });
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
