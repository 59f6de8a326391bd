import { inflateRawSync, inflateSync } from 'node:zlib';

/**
 * Looks inside the files citizens send for content that acts when the file is opened: PDF actions and scripts,
 * Word macros and embedded programs, and zip tricks (archive bombs). Pure: bytes in, a Dutch reason out (or
 * null when the file is fine). Nothing here is trusted to be small: every decompression is bounded.
 */

/** Names in a PDF that run code, open something or carry other files. */
const PDF_ACTIVE_NAMES = [
  'JavaScript',
  'JS',
  'OpenAction',
  'AA',
  'Launch',
  'EmbeddedFile',
  'EmbeddedFiles',
  'RichMedia',
  'XFA',
  'SubmitForm',
  'ImportData',
];
/** A PDF name ends at whitespace or a delimiter (ISO 32000-1, 7.2.2). */
const PDF_ACTIVE = new RegExp(`/(${PDF_ACTIVE_NAMES.join('|')})(?=[\\s/<>\\[\\]()%{}]|$)`);
const PDF_STREAM = /<<((?:(?!>>\s*stream)[\s\S]){0,4096})>>\s*stream\r?\n/g;
const MAX_OBJECT_STREAM_BYTES = 16 * 1024 * 1024;

/** Why this PDF may not be kept, or null. Object streams (PDF 1.5+) are unpacked and searched as well. */
export function pdfActiveContent(content: Buffer): string | null {
  const text = content.toString('latin1');
  if (activeName(text)) return ACTIVE_PDF;
  for (const match of text.matchAll(PDF_STREAM)) {
    const dictionary = decodeNameEscapes(match[1]);
    if (!/\/Type\s*\/ObjStm/.test(dictionary)) continue;
    // Dictionaries hidden in a compressed object stream are checked too; one we cannot read is refused.
    if (!/\/Filter\s*(\[\s*)?\/FlateDecode\s*\]?/.test(dictionary) || /\/DecodeParms/.test(dictionary)) {
      return UNREADABLE_PDF;
    }
    const start = (match.index ?? 0) + match[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) return UNREADABLE_PDF;
    let unpacked: string;
    try {
      unpacked = inflateSync(content.subarray(start, end), {
        maxOutputLength: MAX_OBJECT_STREAM_BYTES,
        finishFlush: 2, // Z_SYNC_FLUSH: tolerate the end-of-line before `endstream`
      }).toString('latin1');
    } catch {
      return UNREADABLE_PDF;
    }
    if (activeName(unpacked)) return ACTIVE_PDF;
  }
  return null;
}

function activeName(text: string): boolean {
  return PDF_ACTIVE.test(decodeNameEscapes(text));
}

/** `/J#61vaScript` is `/JavaScript`: a name may spell any character as #xx. */
function decodeNameEscapes(text: string): string {
  return text.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const ACTIVE_PDF =
  'bevat onderdelen die iets starten als het bestand wordt geopend (zoals JavaScript, een automatische actie of een ingesloten bestand). Maak er een gewone PDF van, bijvoorbeeld met "Afdrukken als PDF".';
const UNREADABLE_PDF =
  'kunnen wij niet controleren (het is beveiligd of op een ongebruikelijke manier ingepakt). Maak er een gewone PDF van, bijvoorbeeld met "Afdrukken als PDF".';

/** Limits for a Word file (a zip): far above any real letter, far below an archive bomb. */
export const ZIP_LIMITS = {
  entries: 2_000,
  totalBytes: 100 * 1024 * 1024,
  /** Compression ratio above which an entry larger than `ratioFloorBytes` is taken for a bomb. */
  ratio: 100,
  ratioFloorBytes: 1024 * 1024,
};

/** Parts of a Word file that hold macros, ActiveX controls or embedded programs. */
const ACTIVE_OFFICE_PART =
  /(^|\/)(vbaProject\.bin|vbaData\.xml)$|(^|\/)activeX\/|(^|\/)embeddings\/.*\.(bin|exe|dll|js|vbs|docm|xlsm|pptm)$/i;

interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** Why this Word file (.docx) may not be kept, or null: macros, active parts, encryption or an archive bomb. */
export function docxActiveContent(content: Buffer): string | null {
  const entries = zipEntries(content);
  if (!entries) return BROKEN_ZIP;
  if (entries.length > ZIP_LIMITS.entries) return ZIP_BOMB;
  const declared = entries.reduce((sum, entry) => sum + entry.size, 0);
  if (declared > ZIP_LIMITS.totalBytes) return ZIP_BOMB;
  for (const entry of entries) {
    if (entry.flags & 0x1) return ENCRYPTED_DOCX;
    if (ACTIVE_OFFICE_PART.test(entry.name)) return MACRO_DOCX;
    if (entry.size > ZIP_LIMITS.ratioFloorBytes && entry.size > entry.compressedSize * ZIP_LIMITS.ratio)
      return ZIP_BOMB;
    // The sizes in the directory may lie: unpack each part, never further than it says it is.
    const data = entryData(content, entry);
    if (!data) return BROKEN_ZIP;
    if (entry.method !== 0 && entry.method !== 8) return BROKEN_ZIP;
    let unpacked = data;
    if (entry.method === 8) {
      try {
        unpacked = inflateRawSync(data, { maxOutputLength: Math.max(entry.size, 1) });
      } catch (error) {
        return (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? ZIP_BOMB : BROKEN_ZIP;
      }
    }
    if (unpacked.length !== entry.size) return ZIP_BOMB;
    if (entry.name === '[Content_Types].xml' && /macroEnabled/i.test(unpacked.toString('utf8')))
      return MACRO_DOCX;
  }
  return null;
}

const MACRO_DOCX =
  'bevat macro’s of ingesloten programma’s. Sla het op als gewoon Word-document (.docx) of als PDF en stuur het opnieuw.';
const ENCRYPTED_DOCX = 'is beveiligd met een wachtwoord. Stuur het zonder wachtwoord, of als PDF.';
const ZIP_BOMB = 'is ongewoon groot als het wordt uitgepakt. Stuur het als PDF.';
const BROKEN_ZIP = 'is beschadigd of geen gewoon Word-document. Stuur het als PDF.';

/** The central directory of a zip, or null when it is not a plain (non-zip64, single-disk) one. */
function zipEntries(zip: Buffer): ZipEntry[] | null {
  const end = findEndOfCentralDirectory(zip);
  if (end < 0) return null;
  const count = zip.readUInt16LE(end + 10);
  const directorySize = zip.readUInt32LE(end + 12);
  let offset = zip.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff || offset + directorySize > end) return null;
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== 0x02014b50) return null;
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    entries.push({
      flags: zip.readUInt16LE(offset + 8),
      method: zip.readUInt16LE(offset + 10),
      compressedSize: zip.readUInt32LE(offset + 20),
      size: zip.readUInt32LE(offset + 24),
      localOffset: zip.readUInt32LE(offset + 42),
      name: zip.toString('utf8', offset + 46, offset + 46 + nameLength),
    });
    if (entries.length > ZIP_LIMITS.entries) return entries;
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndOfCentralDirectory(zip: Buffer): number {
  const last = zip.length - 22;
  for (let i = last; i >= Math.max(0, last - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) return i;
  }
  return -1;
}

function entryData(zip: Buffer, entry: ZipEntry): Buffer | null {
  const local = entry.localOffset;
  if (local + 30 > zip.length || zip.readUInt32LE(local) !== 0x04034b50) return null;
  const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
  const end = start + entry.compressedSize;
  return end <= zip.length ? zip.subarray(start, end) : null;
}
