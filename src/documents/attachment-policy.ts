import { createHash } from 'node:crypto';
import { fromBuffer } from 'file-type';
import { ProblemError } from '../common/problems/problem.error';
import { docxActiveContent, pdfActiveContent } from './attachment-content';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS_BYTES_PER_CASE = 25 * 1024 * 1024;
export const MAX_ATTACHMENTS = 10;
/** The largest request body the service reads at all: every attachment of a filing plus the form around it. */
export const MAX_UPLOAD_REQUEST_BYTES = MAX_ATTACHMENTS_BYTES_PER_CASE + 2 * 1024 * 1024;

/** What citizens may send, recognised by the file's own first bytes, never by its name or declared type. */
const ACCEPTED: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};

export interface IncomingFile {
  filename: string;
  content: Buffer;
}

export interface AcceptedFile {
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
  content: Buffer;
}

/** Checks every file and the total; refuses the whole filing with a clear Dutch message when one does not fit. */
export async function acceptAttachments(files: IncomingFile[]): Promise<AcceptedFile[]> {
  if (files.length > MAX_ATTACHMENTS) {
    throw new ProblemError(
      400,
      'too-many-attachments',
      'Te veel bijlagen',
      `U kunt ten hoogste ${MAX_ATTACHMENTS} bijlagen meesturen.`,
    );
  }
  const total = files.reduce((sum, f) => sum + f.content.length, 0);
  if (total > MAX_ATTACHMENTS_BYTES_PER_CASE) {
    throw new ProblemError(
      413,
      'attachments-too-large',
      'Bijlagen te groot',
      'Samen mogen de bijlagen hoogstens 25 MB zijn.',
    );
  }
  const accepted: AcceptedFile[] = [];
  for (const [index, file] of files.entries()) {
    const field = `attachments[${index}]`;
    const name = safeFilename(file.filename);
    if (file.content.length === 0) throw ProblemError.invalid([{ field, message: `${name} is leeg.` }]);
    if (file.content.length > MAX_ATTACHMENT_BYTES) {
      throw new ProblemError(413, 'attachment-too-large', 'Bijlage te groot', `${name} is groter dan 10 MB.`);
    }
    const type = await fromBuffer(file.content);
    const extension = type && ACCEPTED[type.mime];
    if (!type || !extension) {
      throw new ProblemError(
        415,
        'attachment-type',
        'Soort bestand niet toegestaan',
        `${name} is geen PDF, JPEG, PNG of Word-bestand (.docx). Stuur het bestand in een van die vormen.`,
      );
    }
    const claimed = claimedType(name);
    if (claimed && claimed !== type.mime) {
      throw new ProblemError(
        415,
        'attachment-type-mismatch',
        'Soort bestand klopt niet',
        `${name} heeft de naam van een ${LABELS[claimed]}, maar is een ${LABELS[type.mime]}. Geef het bestand de juiste naam of stuur het opnieuw.`,
      );
    }
    const active =
      type.mime === 'application/pdf'
        ? pdfActiveContent(file.content)
        : extension === 'docx'
          ? docxActiveContent(file.content)
          : null;
    if (active) {
      throw new ProblemError(415, 'attachment-active-content', 'Bestand niet veilig', `${name} ${active}`);
    }
    accepted.push({
      filename: withExtension(name, extension),
      mediaType: type.mime,
      size: file.content.length,
      sha256: createHash('sha256').update(file.content).digest('hex'),
      content: file.content,
    });
  }
  return accepted;
}

const LABELS: Record<string, string> = {
  'application/pdf': 'PDF-bestand',
  'image/jpeg': 'JPEG-foto',
  'image/png': 'PNG-afbeelding',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word-bestand',
};

/** The type a file's name claims (by its extension), when it names one of the accepted types. */
function claimedType(name: string): string | undefined {
  const extension = /\.([A-Za-z0-9]{1,5})$/.exec(name)?.[1]?.toLowerCase();
  if (!extension) return undefined;
  if (extension === 'jpeg' || extension === 'jpg') return 'image/jpeg';
  return Object.entries(ACCEPTED).find(([, ext]) => ext === extension)?.[0];
}

/** A name safe to show and to put in a download header: no path, no control characters, not too long. */
export function safeFilename(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const cleaned = [...base]
    .filter((char) => char.charCodeAt(0) >= 0x20 && char.charCodeAt(0) !== 0x7f && !'"<>|*?:'.includes(char))
    .join('')
    .trim()
    .slice(0, 120);
  return cleaned || 'bijlage';
}

function withExtension(name: string, extension: string): string {
  return name.toLowerCase().endsWith(`.${extension}`) ? name : `${name.replace(/\.[^.]*$/, '')}.${extension}`;
}
