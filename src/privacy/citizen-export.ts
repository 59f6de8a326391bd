import { strToU8, zipSync } from 'fflate';

/**
 * A citizen's data export (AVG art. 15 and 20): one zip with `gegevens.json` (everything the municipality holds
 * about them on this platform) and each of their documents as a file. Pure: the service gathers, this packs.
 */

export interface ExportedDocument {
  id: string;
  kind: string;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
  createdAt: string;
  content: Uint8Array;
}

export interface ExportedEvent {
  at: string;
  kind: string;
  actor: string;
  data: Record<string, unknown>;
}

export interface ExportedCase {
  reference: string;
  record: Record<string, unknown>;
  events: ExportedEvent[];
  documents: ExportedDocument[];
}

export interface ExportedCitizen {
  name: string | null;
  bsn: string | null;
  address: unknown;
  firstLoginAt: string;
  lastLoginAt: string | null;
}

export interface CitizenExport {
  municipality: string;
  exportedAt: string;
  citizen: ExportedCitizen | null;
  cases: ExportedCase[];
}

const MESSAGE_KINDS: Record<string, string> = {
  message_from_citizen: 'u',
  message_to_citizen: 'gemeente',
};

/** Who did something, as the citizen reads it; staff stay staff, not named accounts. */
export function actorLabel(actor: string): string {
  if (actor === 'citizen') return 'u';
  if (actor === 'system') return 'systeem';
  return 'medewerker';
}

/** A file's place in the archive: only safe characters, never a path of its own, unique by its number. */
export function archivePath(reference: string, index: number, filename: string): string {
  const safe = (text: string) =>
    text
      .replace(/\.{2,}/g, '_')
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .replace(/_+/g, '_')
      .replace(/^[._]+/, '')
      .slice(0, 100);
  return `documenten/${safe(reference)}/${String(index + 1).padStart(2, '0')}-${safe(filename) || 'document'}`;
}

/** The JSON part: the documents described, each with its file in the archive, their contents not repeated. */
export function exportJson(data: CitizenExport): Record<string, unknown> {
  return {
    toelichting:
      'Dit zijn alle gegevens die de gemeente via het bezwaarplatform over u heeft: uw gegevens, uw bezwaren met hun verloop, berichten en documenten. De documenten staan als bestanden in de map documenten.',
    gemeente: data.municipality,
    gemaaktOp: data.exportedAt,
    burger: data.citizen,
    bezwaren: data.cases.map((kase) => ({
      ...kase.record,
      reference: kase.reference,
      timeline: kase.events.map((e) => ({ at: e.at, kind: e.kind, by: actorLabel(e.actor), data: e.data })),
      messages: kase.events
        .filter((e) => e.kind in MESSAGE_KINDS)
        .map((e) => ({ at: e.at, from: MESSAGE_KINDS[e.kind], body: e.data.body ?? null })),
      documents: kase.documents.map((d, index) => ({
        kind: d.kind,
        filename: d.filename,
        mediaType: d.mediaType,
        size: d.size,
        sha256: d.sha256,
        createdAt: d.createdAt,
        file: archivePath(kase.reference, index, d.filename),
      })),
    })),
  };
}

/** The zip: gegevens.json and the documents (stored, not compressed again: PDFs and images hardly shrink). */
export function exportArchive(data: CitizenExport): Uint8Array {
  const files: Record<string, Uint8Array | [Uint8Array, { level: 0 }]> = {
    'gegevens.json': strToU8(JSON.stringify(exportJson(data), null, 2)),
  };
  for (const kase of data.cases) {
    kase.documents.forEach((d, index) => {
      files[archivePath(kase.reference, index, d.filename)] = [d.content, { level: 0 }];
    });
  }
  return zipSync(files, { mtime: new Date(data.exportedAt) });
}
