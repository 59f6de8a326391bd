/**
 * The server-rendered pages as a browser sees them over HTTP: form bodies as it posts them, HTML text as it
 * reads it, and the cookies it keeps.
 */

/**
 * An application/x-www-form-urlencoded body; a list becomes the same field repeated (checkboxes). Given the page
 * it comes from, the form's hidden fields (its CSRF token, say) go along as a browser sends them; `fields` win.
 */
export function form(
  fields: Record<string, string | string[]>,
  from?: { html: string; action?: string },
): string {
  const all = from ? { ...hiddenFields(from.html, from.action), ...fields } : fields;
  return Object.entries(all)
    .flatMap(([name, value]) =>
      ([] as string[]).concat(value).map((one) => `${encodeURIComponent(name)}=${encodeURIComponent(one)}`),
    )
    .join('&');
}

/**
 * The hidden inputs (name → decoded value) of the first form on the page, or of the form with this action.
 */
export function hiddenFields(html: string, action?: string): Record<string, string> {
  const forms = html.match(/<form\b[^>]*>[\s\S]*?<\/form>/g) ?? [];
  const chosen =
    action === undefined
      ? forms[0]
      : forms.find((one) => decodeHtml(/\baction="([^"]*)"/.exec(one)?.[1] ?? '').split('?')[0] === action);
  const fields: Record<string, string> = {};
  for (const input of chosen?.match(/<input\b[^>]*>/g) ?? []) {
    if (!/\btype="hidden"/.test(input)) continue;
    const name = /\bname="([^"]*)"/.exec(input)?.[1];
    if (name) fields[decodeHtml(name)] = decodeHtml(/\bvalue="([^"]*)"/.exec(input)?.[1] ?? '');
  }
  return fields;
}

/** HTML text with the entities Handlebars escapes (& < > " ' ` =) read back as a browser would. */
export function decodeHtml(html: string): string {
  return html
    .replace(/&#x3D;/g, '=')
    .replace(/&#x27;/g, "'")
    .replace(/&#x60;/g, '`')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The page's title, decoded. */
export function titleOf(html: string): string {
  return decodeHtml(/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '');
}

/** The whole Set-Cookie header of one cookie (with its attributes), or undefined. */
export function setCookieHeader(setCookie: string[] | string | undefined, name: string): string | undefined {
  const headers = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  return headers.find((header) => header.startsWith(`${name}=`));
}

/** The name=value of one cookie from a response's Set-Cookie headers, or undefined. */
export function cookieFrom(setCookie: string[] | string | undefined, name: string): string | undefined {
  return setCookieHeader(setCookie, name)?.split(';')[0];
}

/** The name=value of a cookie the response must set; throws when it sets none. */
export function cookieSetBy(response: { headers: Record<string, unknown> }, name: string): string {
  const cookie = cookieFrom(response.headers['set-cookie'] as string[] | undefined, name);
  if (!cookie) throw new Error(`the response set no ${name} cookie`);
  return cookie;
}
