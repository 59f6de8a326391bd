import { parseLetterBody } from './letter-model';

describe('parseLetterBody', () => {
  it('reads headings, fact lines and paragraphs', () => {
    const text = [
      'Geachte mevrouw De Vries,',
      '',
      'Wij hebben uw bezwaar',
      'goed ontvangen.',
      '',
      '## Uw bezwaar',
      'Kenmerk:: RIV-2026-00001',
      'Ontvangen op::',
    ].join('\n');
    expect(parseLetterBody(text)).toEqual([
      { kind: 'paragraph', text: 'Geachte mevrouw De Vries,' },
      { kind: 'paragraph', text: 'Wij hebben uw bezwaar goed ontvangen.' },
      { kind: 'heading', text: 'Uw bezwaar' },
      { kind: 'fact', label: 'Kenmerk', text: 'RIV-2026-00001' },
      { kind: 'fact', label: 'Ontvangen op', text: '' },
    ]);
  });
});
