import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import type { FieldError } from '../common/problems/problem.error';

/** A logo is shown small (portal header, letterhead): this is plenty, and keeps pages and letters light. */
export const MAX_LOGO_BYTES = 256 * 1024;
export const MAX_LOGO_SIDE = 2000;
/** Smaller is no logo; and the PNG decoder of the PDF library trips over the empty passes of tiny interlaced ones. */
export const MIN_LOGO_SIDE = 16;

export const LOGO_TOO_LARGE = `Het logo is te groot: het mag hoogstens ${MAX_LOGO_BYTES / 1024} kB zijn. Maak het kleiner, bijvoorbeeld 600 beeldpunten breed.`;

export type LogoMediaType = 'image/png' | 'image/jpeg';

export interface Logo {
  mediaType: LogoMediaType;
  content: Buffer;
  sha256: string;
}

/**
 * Checks an uploaded logo: a PNG or JPEG by its own first bytes (never its name or declared type), within the
 * size limits, and one the letter renderer can embed. A PNG is decoded in full here, synchronously: the PDF
 * library decodes it later in a callback, where a broken file could not be caught. The logo, or the reason it
 * is refused, for the field `logo`.
 */
export function checkLogo(content: Buffer): Logo | FieldError {
  const refuse = (message: string): FieldError => ({ field: 'logo', message });
  if (content.length === 0) return refuse('Kies een bestand met het logo.');
  if (content.length > MAX_LOGO_BYTES) return refuse(LOGO_TOO_LARGE);
  const mediaType = mediaTypeOf(content);
  if (!mediaType) return refuse('Het logo moet een PNG- of JPEG-bestand zijn.');
  let size: { width: number; height: number };
  try {
    size = embeddedSize(content);
  } catch {
    return refuse(
      `Dit ${mediaType === 'image/png' ? 'PNG' : 'JPEG'}-bestand is beschadigd of wordt niet ondersteund. Sla het logo opnieuw op en probeer het nog eens.`,
    );
  }
  if (size.width > MAX_LOGO_SIDE || size.height > MAX_LOGO_SIDE) {
    return refuse(
      `Het logo is ${size.width} × ${size.height} beeldpunten. Het mag hoogstens ${MAX_LOGO_SIDE} × ${MAX_LOGO_SIDE} zijn.`,
    );
  }
  if (size.width < MIN_LOGO_SIDE || size.height < MIN_LOGO_SIDE) {
    return refuse(
      `Het logo is ${size.width} × ${size.height} beeldpunten. Het moet minstens ${MIN_LOGO_SIDE} × ${MIN_LOGO_SIDE} zijn.`,
    );
  }
  if (mediaType === 'image/png' && !decodesCompletely(content)) {
    return refuse('Dit PNG-bestand is beschadigd. Sla het logo opnieuw op en probeer het nog eens.');
  }
  return { mediaType, content, sha256: createHash('sha256').update(content).digest('hex') };
}

/** Where the portal and the admin page show a municipality's logo; the hash makes a new logo a new address. */
export function logoUrl(tenant: {
  slug: string;
  profile: { branding: { logo?: string } };
}): string | undefined {
  const hash = tenant.profile.branding.logo;
  return hash
    ? `/${encodeURIComponent(tenant.slug)}/logo?v=${encodeURIComponent(hash.slice(0, 16))}`
    : undefined;
}

export function isLogo(value: Logo | FieldError): value is Logo {
  return 'content' in value;
}

function mediaTypeOf(content: Buffer): LogoMediaType | null {
  if (content.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  if (content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff) return 'image/jpeg';
  return null;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height as the PDF library reads them; throws when it cannot read the image. */
function embeddedSize(content: Buffer): { width: number; height: number } {
  const pdf = new PDFDocument({ autoFirstPage: false }) as unknown as {
    openImage(content: Buffer): { width: number; height: number };
  };
  const { width, height } = pdf.openImage(content);
  return { width, height };
}

const ADAM7: [number, number, number, number][] = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
];

/**
 * Whether the image data inflates and every scanline has a known filter: what the PDF library's PNG decoder
 * needs (walked as it walks them). Bounded: at most MAX_LOGO_SIDE² pixels of 8 bytes.
 */
function decodesCompletely(png: Buffer): boolean {
  let pos = 8;
  let width = 0;
  let height = 0;
  let bitsPerPixel = 0;
  let interlaced = false;
  const data: Buffer[] = [];
  while (pos + 8 <= png.length) {
    const length = png.readUInt32BE(pos);
    const type = png.toString('latin1', pos + 4, pos + 8);
    const chunk = png.subarray(pos + 8, pos + 8 + length);
    if (chunk.length !== length) return false;
    if (type === 'IHDR') {
      width = chunk.readUInt32BE(0);
      height = chunk.readUInt32BE(4);
      const bits = chunk[8];
      const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[chunk[9]];
      if (!channels) return false;
      bitsPerPixel = bits * channels;
      interlaced = chunk[12] === 1;
    } else if (type === 'IDAT') {
      data.push(chunk);
    } else if (type === 'IEND') {
      break;
    }
    pos += 12 + length;
  }
  if (!width || !height || !data.length) return false;
  const pixelBytes = bitsPerPixel / 8;
  let pixels: Buffer;
  try {
    pixels = inflateSync(Buffer.concat(data), {
      maxOutputLength: MAX_LOGO_SIDE * MAX_LOGO_SIDE * 8 + MAX_LOGO_SIDE * 8,
    });
  } catch {
    return false;
  }
  let at = 0;
  for (const [x0, y0, dx, dy] of interlaced ? ADAM7 : [[0, 0, 1, 1]]) {
    const rows = Math.ceil((height - y0) / dy);
    const scanline = Math.ceil(pixelBytes * Math.ceil((width - x0) / dx));
    for (let row = 0; row < rows && at < pixels.length; row++) {
      if (pixels[at] > 4) return false;
      at += 1 + scanline;
    }
  }
  return at === pixels.length;
}
