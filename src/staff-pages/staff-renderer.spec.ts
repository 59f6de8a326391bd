import { join } from 'node:path';
import { StaffRenderer } from './staff-renderer';

/** The real templates: everything typed by a citizen comes out escaped, and every page has one h1. */
describe('StaffRenderer with templates/staff', () => {
  const renderer = new StaffRenderer(join(__dirname, '..', '..', 'templates'));
  const layout = {
    title: 'Inloggen – Bezwaren behandelen – Gemeente Rivierstad',
    stylesheet: '/assets/staff.css',
    tenantName: 'Gemeente Rivierstad',
    home: '/rivierstad/behandelaar',
  };

  it('renders the login page in the layout, escaping values, with a skip link', () => {
    const html = renderer.render('login', {
      layout,
      action: '/rivierstad/behandelaar/inloggen',
      email: '"><script>alert(1)</script>',
      errors: [{ href: '#email', message: 'Het e-mailadres of het wachtwoord is niet juist.' }],
    });
    expect(html).toMatch(/^<!doctype html>\s*<html lang="nl">/);
    expect(html).toContain('<a class="skip-link" href="#inhoud">Direct naar de inhoud</a>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(html).toContain('<li><a href="#email">Het e-mailadres of het wachtwoord is niet juist.</a></li>');
    expect(html).not.toContain('Uitloggen');
  });

  it('shows the logout button and who is logged in when there is a viewer', () => {
    const html = renderer.render('error', {
      layout: { ...layout, viewer: { name: 'Jeroen <b>', logout: '/rivierstad/behandelaar/uitloggen' } },
      heading: 'Niet gevonden',
      paragraphs: ['Deze pagina bestaat niet.'],
    });
    expect(html).toContain('Ingelogd als Jeroen &lt;b&gt;');
    expect(html).toContain(
      '<form class="staff-nav__logout" method="post" action="/rivierstad/behandelaar/uitloggen">',
    );
  });

  it('serves the portal stylesheet with the staff additions, under a content hash', () => {
    const { css, version } = renderer.stylesheet();
    expect(css).toContain('.error-summary');
    expect(css).toContain('.status-tag--overdue');
    expect(version).toMatch(/^[0-9a-f]{12}$/);
  });
});
