// Public surface of the mail folder: the Mailer seam and the one way to build it from config.
import path from 'node:path';
import type { MailSettings } from '../config.js';
import type { Mailer } from './mailer.js';
import { OutboxMailer, SmtpMailer } from './nodemailer-mailer.js';

export type { MailAttachment, Mailer, MailMessage, MailTransportKind, SentMail } from './mailer.js';
export { OutboxMailer, SmtpMailer } from './nodemailer-mailer.js';

/** The outbox folder under DATA_DIR where mail is written when no SMTP server is configured. */
export const outboxDir = (dataDir: string) => path.join(dataDir, 'outbox');

/** SMTP when `SMTP_URL` is set, else `.eml` files in `DATA_DIR/outbox`. */
export function createMailer(settings: MailSettings, dataDir: string): Mailer {
  return settings.smtpUrl ? new SmtpMailer(settings.smtpUrl, settings.from) : new OutboxMailer(outboxDir(dataDir), settings.from);
}

/** One line for the start-up log: where mail goes, without the SMTP credentials. */
export function describeMailer(mailer: Mailer, settings: MailSettings): string {
  if (mailer instanceof OutboxMailer) return `mail: no SMTP_URL, so mail is written as .eml files to ${mailer.dir} (nothing is sent)`;
  const url = new URL(settings.smtpUrl!);
  return `mail: sending over SMTP via ${url.protocol}//${url.host} from ${settings.from}`;
}
export { agendaMailText, type AgendaMailInput } from './agenda-mail-text.js';
