// The mailer seam: every e-mail the service sends (agendas, introduction copies, sign-in links,
// alerts) goes through `Mailer`, so tests and installations without SMTP see the same path.

/** A file sent along with a message, e.g. a participant's `.ics` agenda. */
export interface MailAttachment {
  filename: string;
  content: string | Buffer;
  /** MIME type, e.g. `text/calendar; charset=utf-8; method=PUBLISH`. */
  contentType: string;
}

/** One message to one recipient. The sender is the mailer's own (`MAIL_FROM`), never the caller's. */
export interface MailMessage {
  to: string;
  subject: string;
  /** Plain-text body: always present, so every client can read the message. */
  text: string;
  html?: string | undefined;
  /** Where a reply goes when it should not go to the sender (a visitor, for a forwarded request). */
  replyTo?: string | undefined;
  attachments?: readonly MailAttachment[] | undefined;
}

/** How a message left: over SMTP, or as an `.eml` file in the outbox folder (`file`). */
export interface SentMail {
  messageId: string;
  transport: MailTransportKind;
  /** The `.eml` file written (outbox mode only). */
  file?: string | undefined;
}

export type MailTransportKind = 'smtp' | 'outbox';

/**
 * Sends e-mail. Implementations: {@link SmtpMailer} (when `SMTP_URL` is set) and
 * {@link OutboxMailer} (otherwise: nothing leaves the machine).
 */
export interface Mailer {
  /** Which way messages leave; logged at start so operators know whether mail is real. */
  readonly transport: MailTransportKind;
  /**
   * Sends one message.
   * @remarks Resolves once the SMTP server accepted the message, or once the `.eml` file is
   * complete on disk (never a half-written file). Rejects when the server refuses it.
   * @returns the Message-ID and where the message went.
   */
  send(message: MailMessage): Promise<SentMail>;
  /** Closes pooled SMTP connections; further sends fail. */
  close(): Promise<void>;
}
