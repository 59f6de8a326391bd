import { escapeHtml, markup, isLoginFailure, loginFailedPage, SafeHtml } from './citizen-pages';

describe('citizen pages', () => {
  it('escapes every inserted value unless it is SafeHtml', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const name = '<script>alert(1)</script>';
    const list = [markup`<i>${'&'}</i>`];
    const made = markup`<p>${name}</p>${new SafeHtml('<br>')}${list}`;
    expect(made.value).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><br><i>&amp;</i>');
  });

  it('renders the login failure page in Dutch without scripts', () => {
    const page = loginFailedPage({ slug: 'rivierstad', name: 'Gemeente <Rivierstad>' }, 'geannuleerd');
    expect(page).toContain('<html lang="nl">');
    expect(page).toContain('U heeft het inloggen met DigiD afgebroken.');
    expect(page).toContain('href="/rivierstad/inloggen"');
    expect(page).toContain('Gemeente &lt;Rivierstad&gt;');
    expect(page).not.toMatch(/<script/i);
  });

  it('knows only its own failure reasons', () => {
    expect(isLoginFailure('verlopen')).toBe(true);
    expect(isLoginFailure('toString')).toBe(false);
    expect(isLoginFailure(undefined)).toBe(false);
  });
});
