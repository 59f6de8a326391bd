import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LetterTemplates } from './letter-templates';
import { parseLetterBody } from './letter-model';

describe('LetterTemplates', () => {
  const root = mkdtempSync(join(tmpdir(), 'bezwaar-templates-'));
  const templates = join(root, 'templates');
  const tenants = join(root, 'tenants');
  mkdirSync(join(templates, 'letters'), { recursive: true });
  mkdirSync(join(tenants, 'heuveldorp', 'templates', 'letters'), { recursive: true });
  writeFileSync(join(templates, 'letters', 'receipt.hbs'), 'Geachte {{name}},\n\nKenmerk:: {{reference}}\n');
  writeFileSync(join(tenants, 'heuveldorp', 'templates', 'letters', 'receipt.hbs'), 'Beste {{name}},\n');
  const letters = new LetterTemplates(templates, tenants);

  it('uses the default template, or the municipality’s own', () => {
    expect(letters.render('rivierstad', 'receipt', { name: 'Bo', reference: 'R-1' })).toBe(
      'Geachte Bo,\n\nKenmerk:: R-1\n',
    );
    expect(letters.render('heuveldorp', 'receipt', { name: 'Bo', reference: 'R-1' })).toBe('Beste Bo,\n');
  });

  it('keeps text typed by a citizen from turning into letter structure', () => {
    const body = letters.render('rivierstad', 'receipt', {
      name: 'Bo\n\n## Besluit:: gegrond',
      reference: 'R-1',
    });
    expect(parseLetterBody(body).filter((b) => b.kind === 'heading')).toEqual([]);
    expect(parseLetterBody(body)[0]).toEqual({ kind: 'paragraph', text: 'Geachte Bo ## Besluit: gegrond,' });
  });

  it('fails loudly when a template uses a value it was not given', () => {
    expect(() => letters.render('rivierstad', 'receipt', { name: 'Bo' })).toThrow(/reference/);
  });
});
