import type { FastifyReply } from 'fastify';

const TYPES: Record<string, string> = { yaml: 'text/yaml; charset=utf-8', hbs: 'text/plain; charset=utf-8' };

/** A text file to save: its type by extension, never cached, never sniffed as anything else. */
export function attachment(reply: FastifyReply, filename: string, content: string): string {
  reply
    .header('content-type', TYPES[filename.split('.').pop() ?? ''] ?? 'text/plain; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff');
  return content;
}
