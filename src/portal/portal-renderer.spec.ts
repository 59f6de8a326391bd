import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PortalRenderer } from './portal-renderer';

describe('PortalRenderer', () => {
  let root: string;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const renderer = () => new PortalRenderer(join(root, 'templates'), join(root, 'tenants'));

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'portal-renderer-'));
    write(
      'templates/portal/layout.hbs',
      '<title>{{layout.title}}</title><main>{{{body}}}</main>{{> footer}}',
    );
    write('templates/portal/partials/footer.hbs', '<footer>standaard</footer>');
    write('templates/portal/partials/field.hbs', '<input id="{{id}}"{{ariaDescribedBy id hint error}}>');
    write('templates/portal/pages/start.hbs', '<h1>{{name}}</h1>{{> field id="naam" hint=true error=error}}');
    write('templates/portal/assets/portal.css', 'body { margin: 0; }');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('puts the page in the layout and escapes every value', () => {
    const html = renderer().render('rivierstad', 'start', {
      name: '<script>alert(1)</script>',
      layout: { title: 'Bo & "Co"' },
    });
    expect(html).toBe(
      '<title>Bo &amp; &quot;Co&quot;</title><main><h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>' +
        '<input id="naam" aria-describedby="naam-hint"></main><footer>standaard</footer>',
    );
  });

  it('links a field to its hint and its error', () => {
    const html = renderer().render(undefined, 'start', { name: 'x', error: 'Vul uw naam in.', layout: {} });
    expect(html).toContain('<input id="naam" aria-describedby="naam-hint naam-error">');
  });

  it("uses a municipality's own page, layout or partial where it has one", () => {
    write('tenants/heuveldorp/templates/portal/partials/footer.hbs', '<footer>heuveldorp</footer>');
    write('tenants/heuveldorp/templates/portal/pages/start.hbs', '<h1>Welkom in {{name}}</h1>');
    const r = renderer();
    expect(r.render('heuveldorp', 'start', { name: 'Heuveldorp', layout: {} })).toBe(
      '<title></title><main><h1>Welkom in Heuveldorp</h1></main><footer>heuveldorp</footer>',
    );
    expect(r.render('rivierstad', 'start', { name: 'Rivierstad', layout: {} })).toContain(
      '<footer>standaard</footer>',
    );
  });

  it('never reads a path built from an odd tenant slug', () => {
    write('tenants/x/templates/portal/pages/start.hbs', 'gekaapt');
    expect(renderer().render('../tenants/x', 'start', { name: 'n', layout: {} })).not.toContain('gekaapt');
  });

  it('compiles each file once', () => {
    const r = renderer();
    r.render('rivierstad', 'start', { name: 'een', layout: {} });
    write('templates/portal/pages/start.hbs', 'veranderd');
    expect(r.render('rivierstad', 'start', { name: 'twee', layout: {} })).toContain('<h1>twee</h1>');
  });

  it('serves the stylesheet with a content hash', () => {
    const { css, version } = renderer().stylesheet();
    expect(css).toBe('body { margin: 0; }');
    expect(version).toMatch(/^[0-9a-f]{12}$/);
  });
});
