import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAppConfig } from '../config/app-config';
import { Mailer } from './mailer';

describe('Mailer without SMTP_URL (the embedded default)', () => {
  it('writes each message as an .eml file to DATA_DIR/mail, named after its outbox id', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bezwaar-mail-'));
    const mailer = new Mailer(loadAppConfig({ DATA_DIR: dataDir }));
    await mailer.send({
      messageId: '<7f0c5e1a-0000-4000-8000-000000000001@bezwaarplatform>',
      to: 'bo@example.nl',
      subject: 'Ontvangstbevestiging bezwaar RIV-2026-00001',
      text: 'Wij hebben uw bezwaar ontvangen.',
      attachments: [{ filename: 'ontvangstbevestiging.pdf', content: Buffer.from('%PDF-1.7') }],
    });
    mailer.close();
    expect(readdirSync(join(dataDir, 'mail'))).toEqual(['7f0c5e1a-0000-4000-8000-000000000001.eml']);
    const eml = readFileSync(join(dataDir, 'mail', '7f0c5e1a-0000-4000-8000-000000000001.eml'), 'utf8');
    expect(eml).toContain('To: bo@example.nl');
    expect(eml).toContain('Subject: Ontvangstbevestiging bezwaar RIV-2026-00001');
    expect(eml).toContain('filename=ontvangstbevestiging.pdf');
  });
});
