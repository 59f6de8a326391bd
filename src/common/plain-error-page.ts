const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** The last resort when even the page templates fail: a bare, escaped HTML page. */
export function plainErrorPage(page: { title?: string; heading: string; paragraphs: string[] }): string {
  const escape = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
  return [
    '<!doctype html><html lang="nl"><head><meta charset="utf-8">',
    `<title>${escape(page.title ?? page.heading)}</title></head><body><main>`,
    `<h1>${escape(page.heading)}</h1>`,
    ...page.paragraphs.map((p) => `<p>${escape(p)}</p>`),
    '</main></body></html>',
  ].join('');
}
