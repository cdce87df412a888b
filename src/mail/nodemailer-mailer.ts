// Two Mailer implementations on nodemailer: SMTP for real delivery, and an outbox folder of
// .eml files for every installation without SMTP, so nothing leaves the machine by accident.
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Mailer, MailMessage, SentMail } from './mailer.js';

const toNodemailer = (from: string, m: MailMessage) => ({
  from,
  to: m.to,
  subject: m.subject,
  text: m.text,
  ...(m.html !== undefined ? { html: m.html } : {}),
  ...(m.replyTo !== undefined ? { replyTo: m.replyTo } : {}),
  attachments: (m.attachments ?? []).map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
});

/** Delivers through the SMTP server named by `SMTP_URL` (smtp:// or smtps://, credentials in the URL). */
export class SmtpMailer implements Mailer {
  readonly transport = 'smtp' as const;
  private readonly transporter: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    // Pooled: mailing a whole event's agendas reuses a few connections instead of one per mail.
    this.transporter = nodemailer.createTransport({ url: smtpUrl, pool: true });
  }

  async send(message: MailMessage): Promise<SentMail> {
    const info = await this.transporter.sendMail(toNodemailer(this.from, message));
    return { messageId: String(info.messageId), transport: 'smtp' };
  }

  async close(): Promise<void> {
    this.transporter.close();
  }
}

/** Writes each message as a complete RFC 5322 `.eml` file into `dir` (created when needed). */
export class OutboxMailer implements Mailer {
  readonly transport = 'outbox' as const;
  // nodemailer's stream transport builds the exact bytes SMTP would carry, without sending them.
  private readonly composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });

  constructor(
    readonly dir: string,
    private readonly from: string,
  ) {}

  async send(message: MailMessage): Promise<SentMail> {
    const info = await this.composer.sendMail(toNodemailer(this.from, message));
    await mkdir(this.dir, { recursive: true });
    const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(6).toString('hex')}.eml`;
    const file = path.join(this.dir, name);
    // A temp name first, then rename: whoever watches the outbox never reads half a message.
    const temp = path.join(this.dir, `.${name}.tmp`);
    try {
      await writeFile(temp, info.message as Buffer, { flag: 'wx' });
      await rename(temp, file);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
    return { messageId: String(info.messageId), transport: 'outbox', file };
  }

  async close(): Promise<void> {}
}
