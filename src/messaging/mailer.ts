import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTransport, Transporter } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { AppConfig } from '../config/app-config';

/**
 * SMTP when SMTP_URL is set; otherwise (the embedded default) each message is written as an .eml file to
 * DATA_DIR/mail, so nothing is lost and a developer can open it.
 */
export class Mailer {
  private readonly transport: Transporter;

  constructor(private readonly config: AppConfig) {
    this.transport = config.smtpUrl
      ? createTransport(config.smtpUrl)
      : createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  async send(message: Mail.Options): Promise<void> {
    const info = (await this.transport.sendMail({ from: this.config.mailFrom, ...message })) as {
      message?: Buffer;
    };
    if (!this.config.smtpUrl && info.message) {
      const dir = join(this.config.dataDir, 'mail');
      mkdirSync(dir, { recursive: true });
      // <outbox-id@bezwaarplatform> → outbox-id.eml
      const name = String(message.messageId ?? Date.now())
        .replace(/^<|@.*$/g, '')
        .replace(/[^\w.-]/g, '_');
      writeFileSync(join(dir, `${name}.eml`), info.message);
    }
  }

  close(): void {
    this.transport.close();
  }
}
