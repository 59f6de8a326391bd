import { crc32, deflateRawSync } from 'node:zlib';

/** Office files made here, byte by byte: a plain Word file and its dangerous variants, for the upload checks. */

export interface ZipEntrySpec {
  name: string;
  content: Buffer;
  /** What the directory claims the unpacked size is (default: the truth). */
  claimedSize?: number;
  flags?: number;
}

/** A zip with deflated entries (what Word writes). */
export function zipArchive(entries: ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const packed = deflateRawSync(entry.content);
    const size = entry.claimedSize ?? entry.content.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.flags ?? 0, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(entry.content), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.flags ?? 0, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(entry.content), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES = Buffer.from(
  '<?xml version="1.0"?><Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
);
const DOCUMENT = Buffer.from(
  '<w:document><w:body><w:p><w:r><w:t>Bezwaar</w:t></w:r></w:p></w:body></w:document>',
);

/** A minimal Word file (.docx) as file-type recognises it, with extra parts when given. */
export function docx(extra: ZipEntrySpec[] = [], contentTypes = CONTENT_TYPES): Buffer {
  return zipArchive([
    { name: '[Content_Types].xml', content: contentTypes },
    { name: 'word/document.xml', content: DOCUMENT },
    ...extra,
  ]);
}
