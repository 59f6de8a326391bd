import { createHash } from 'node:crypto';

/** The CSP source for an inline block with exactly this text. */
export function inlineHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The policy of every page: nothing runs (no script at all, not even from this origin), styles only from the
 * stylesheets of this origin plus the one inline block of the plain pages, allowed by its hash (`styleHashes`);
 * no plugins, no <base>, forms only post here and no other site may frame a page. `upgrade-insecure-requests`
 * only where the service runs on https (a browser test on http://127.0.0.1 would be upgraded otherwise).
 */
export function pagePolicy(options: { styleHashes: string[]; https: boolean }): string {
  return join([
    ["default-src 'self'"],
    ["script-src 'none'"],
    ["style-src 'self'", ...options.styleHashes],
    ["img-src 'self' data:"],
    ["font-src 'self'"],
    ["connect-src 'self'"],
    ["form-action 'self'"],
    ["base-uri 'none'"],
    ["object-src 'none'"],
    ["frame-ancestors 'none'"],
    options.https ? ['upgrade-insecure-requests'] : [],
  ]);
}

/**
 * The interactive API documentation (Swagger UI, /api/docs) runs its own scripts from this origin and styles
 * its elements inline; it shows no personal data. Everything else as strict as the pages.
 */
export function apiDocsPolicy(options: { https: boolean }): string {
  return join([
    ["default-src 'self'"],
    ["script-src 'self'"],
    ["style-src 'self' 'unsafe-inline'"],
    ["img-src 'self' data:"],
    ["form-action 'self'"],
    ["base-uri 'none'"],
    ["object-src 'none'"],
    ["frame-ancestors 'none'"],
    options.https ? ['upgrade-insecure-requests'] : [],
  ]);
}

export function isApiDocsPath(url: string): boolean {
  const path = url.split(/[?#]/, 1)[0];
  return path === '/api/docs' || path.startsWith('/api/docs/') || path.startsWith('/api/docs-');
}

function join(directives: string[][]): string {
  return directives
    .filter((parts) => parts.length)
    .map((parts) => parts.join(' '))
    .join('; ');
}
