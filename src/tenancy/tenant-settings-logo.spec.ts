import PDFDocument from 'pdfkit';
import { deflateSync } from 'node:zlib';
import { pngImage } from '../../test/support/png-image';
import { checkLogo, logoUrl, MAX_LOGO_BYTES } from './tenant-settings-logo';

/** Embeds the image in a PDF as the letters do, and waits for the PDF library to finish decoding it. */
function embed(image: Buffer): Promise<Buffer> {
  const pdf = new PDFDocument();
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => pdf.on('end', () => resolve(Buffer.concat(chunks))));
  pdf.image(image, 10, 10, { fit: [120, 48] });
  pdf.end();
  return done;
}

/** A PNG whose image data is replaced (same header and chunks around it). */
function withImageData(png: Buffer, data: Buffer): Buffer {
  const idat = png.indexOf('IDAT', 0, 'latin1') - 4;
  const length = png.readUInt32BE(idat);
  const chunkLength = Buffer.alloc(4);
  chunkLength.writeUInt32BE(data.length);
  return Buffer.concat([
    png.subarray(0, idat),
    chunkLength,
    Buffer.from('IDAT'),
    data,
    Buffer.alloc(4),
    png.subarray(idat + 12 + length),
  ]);
}

/** A minimal baseline JPEG header: SOI, an SOF0 segment of the given size, EOI. */
function jpeg(width: number, height: number): Buffer {
  const sof = Buffer.from([
    0xff, 0xc0, 0x00, 0x11, 0x08, 0, 0, 0, 0, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1,
  ]);
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), sof, Buffer.from([0xff, 0xd9])]);
}

describe('checkLogo', () => {
  it.each([
    ['a PNG', pngImage(120, 48)],
    ['an interlaced PNG', pngImage(120, 48, { interlaced: true })],
  ])('accepts %s the letters can embed', async (_, png) => {
    const logo = checkLogo(png);
    expect(logo).toMatchObject({ mediaType: 'image/png', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect((await embed(png)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('accepts a JPEG by its own first bytes', () => {
    expect(checkLogo(jpeg(300, 100))).toMatchObject({ mediaType: 'image/jpeg' });
  });

  it.each([
    ['nothing', Buffer.alloc(0), 'Kies een bestand met het logo.'],
    ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00'), 'Het logo moet een PNG- of JPEG-bestand zijn.'],
    [
      'an SVG',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      'Het logo moet een PNG- of JPEG-bestand zijn.',
    ],
    [
      'a file too large',
      Buffer.concat([pngImage(16, 16), Buffer.alloc(MAX_LOGO_BYTES)]),
      'Het logo is te groot: het mag hoogstens 256 kB zijn. Maak het kleiner, bijvoorbeeld 600 beeldpunten breed.',
    ],
    ['a tiny image', pngImage(8, 8), 'Het logo is 8 × 8 beeldpunten. Het moet minstens 16 × 16 zijn.'],
    [
      'a huge image',
      jpeg(4000, 1000),
      'Het logo is 4000 × 1000 beeldpunten. Het mag hoogstens 2000 × 2000 zijn.',
    ],
    [
      'a PNG header only',
      pngImage(32, 32).subarray(0, 40),
      'Dit PNG-bestand is beschadigd of wordt niet ondersteund. Sla het logo opnieuw op en probeer het nog eens.',
    ],
    [
      'a PNG whose data does not inflate',
      withImageData(pngImage(32, 32), Buffer.from('niet ingepakt')),
      'Dit PNG-bestand is beschadigd. Sla het logo opnieuw op en probeer het nog eens.',
    ],
    [
      'a PNG with an unknown scanline filter',
      withImageData(pngImage(32, 32), deflateSync(Buffer.alloc(32 * (1 + 32 * 4), 9))),
      'Dit PNG-bestand is beschadigd. Sla het logo opnieuw op en probeer het nog eens.',
    ],
    [
      'a PNG with too little data',
      withImageData(pngImage(32, 32), deflateSync(Buffer.alloc(10))),
      'Dit PNG-bestand is beschadigd. Sla het logo opnieuw op en probeer het nog eens.',
    ],
  ])('refuses %s, saying why', (_, content, message) => {
    expect(checkLogo(content)).toEqual({ field: 'logo', message });
  });

  it('links a logo by its hash, so that a new logo is a new address', () => {
    expect(logoUrl({ slug: 'rivierstad', profile: { branding: {} } })).toBeUndefined();
    expect(logoUrl({ slug: 'rivierstad', profile: { branding: { logo: 'ab'.repeat(32) } } })).toBe(
      `/rivierstad/logo?v=${'ab'.repeat(8)}`,
    );
  });
});
