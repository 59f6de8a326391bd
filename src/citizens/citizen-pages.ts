/** Markup that is already safe to insert as it is. */
export class SafeHtml {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A template literal whose values are HTML-escaped, unless they are SafeHtml (or lists of it). */
export function markup(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  const insert = (value: unknown): string =>
    value instanceof SafeHtml
      ? value.value
      : Array.isArray(value)
        ? value.map(insert).join('')
        : value === undefined || value === null || value === false
          ? ''
          : escapeHtml(String(value));
  return new SafeHtml(
    strings.reduce((out, part, i) => out + part + (i < values.length ? insert(values[i]) : ''), ''),
  );
}

/** The inline style of these pages: the Content-Security-Policy allows exactly this text, by its hash. */
export const SIMPLE_PAGE_STYLE = `
  body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 0; color: #1a1a1a; background: #f5f5f5; }
  main { max-width: 40rem; margin: 2rem auto; padding: 1.5rem 2rem; background: #fff; border-radius: 4px; }
  h1 { font-size: 1.6rem; margin-top: 0; }
  .note { background: #fff4d6; border-left: 4px solid #e6a700; padding: .5rem 1rem; }
  fieldset { border: 0; padding: 0; margin: 1rem 0; }
  legend { font-weight: bold; margin-bottom: .5rem; }
  .choice { margin: .5rem 0; }
  .choice input { margin-right: .5rem; }
  button { font: inherit; padding: .5rem 1.25rem; margin: .5rem .5rem 0 0; cursor: pointer; }
  .primary { background: #154273; color: #fff; border: 2px solid #154273; }
  .secondary { background: #fff; color: #154273; border: 2px solid #154273; }
  a { color: #154273; }
  :focus-visible { outline: 3px solid #e6a700; outline-offset: 2px; }`;

/** A whole page in Dutch: no scripts, its one style block inline (allowed by its hash in the CSP). */
export function renderPage(title: string, main: SafeHtml): string {
  return markup`<!doctype html>
<html lang="nl">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    <style>${new SafeHtml(SIMPLE_PAGE_STYLE)}</style>
  </head>
  <body>
    <main>${main}</main>
  </body>
</html>
`.value;
}

/** Why a citizen login ended without a session; the value of `?reden=` on the message page. */
export const LOGIN_FAILURES = {
  geannuleerd: 'U heeft het inloggen met DigiD afgebroken.',
  verlopen: 'Het inloggen duurde te lang, of is in een ander venster begonnen. Begin opnieuw met inloggen.',
  'niet-beschikbaar': 'Inloggen met DigiD is op dit moment niet mogelijk. Probeer het later opnieuw.',
  gegevens: 'Wij konden uw gegevens van DigiD niet goed ontvangen. Probeer het later opnieuw.',
  mislukt: 'Het inloggen met DigiD is niet gelukt. Probeer het opnieuw.',
} as const;

export type LoginFailure = keyof typeof LOGIN_FAILURES;

export function isLoginFailure(value: unknown): value is LoginFailure {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(LOGIN_FAILURES, value);
}

/** The friendly page a failed or cancelled login ends on; filing without DigiD stays possible. */
export function loginFailedPage(tenant: { slug: string; name: string }, reason: LoginFailure): string {
  return renderPage(
    `Inloggen niet gelukt - ${tenant.name}`,
    markup`<h1>Inloggen is niet gelukt</h1>
      <p>${LOGIN_FAILURES[reason]}</p>
      <p>U kunt ook zonder DigiD bezwaar maken. U vult dan zelf uw naam en adres in.</p>
      <p><a href="/${tenant.slug}/inloggen">Opnieuw inloggen met DigiD</a></p>
      <p><a href="/${tenant.slug}">Naar de startpagina van ${tenant.name}</a></p>`,
  );
}
