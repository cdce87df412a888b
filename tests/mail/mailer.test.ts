// The mailer seam: SMTP delivery to a real local server, the outbox's complete .eml files, and
// the configuration that chooses between them.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createMailer, describeMailer, OutboxMailer, outboxDir, SmtpMailer, type MailMessage } from '../../src/mail/index.js';
import { tempDir } from '../helpers.js';
import { startTestSmtpServer, type TestSmtpServer } from './smtp-test-server.js';

const FROM = 'NordicHub Events <events@nordichub.test>';
const MESSAGE: MailMessage = {
  to: 'sigrún@example.is',
  subject: 'Fundirnir þínir á Reykjavík Ocean Day',
  text: 'Halló Sæfisk ehf,\n\nþú átt 2 fundi.',
  attachments: [{ filename: 'agenda.ics', content: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n', contentType: 'text/calendar; charset=utf-8' }],
};

describe('SmtpMailer', () => {
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
  });
  afterAll(async () => {
    await smtp.close();
  });

  it('delivers the message, its attachment and the configured sender to the SMTP server', async () => {
    const mailer = new SmtpMailer(smtp.url, FROM);
    const sent = await mailer.send(MESSAGE);
    await mailer.close();
    expect(sent.transport).toBe('smtp');
    await smtp.waitForCount(1);
    const mail = smtp.received[0]!;
    expect(mail.envelopeTo).toEqual(['sigrún@example.is']);
    expect(mail.from?.text).toContain('events@nordichub.test');
    expect(mail.subject).toBe(MESSAGE.subject);
    expect(mail.text).toContain('þú átt 2 fundi');
    expect(mail.messageId).toBe(sent.messageId);
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([['agenda.ics', 'text/calendar']]);
    expect(mail.attachments[0]!.content.toString('utf8')).toContain('BEGIN:VCALENDAR');
  });

  it('rejects when the server refuses the recipient', async () => {
    smtp.refuse.add('nobody@example.is');
    const mailer = new SmtpMailer(smtp.url, FROM);
    await expect(mailer.send({ ...MESSAGE, to: 'nobody@example.is' })).rejects.toThrow(/550|mailbox/);
    await mailer.close();
  });
});

describe('OutboxMailer', () => {
  it('writes one complete .eml file per message, which a mail parser reads back', async () => {
    const t = tempDir();
    try {
      const mailer = new OutboxMailer(path.join(t.dir, 'outbox'), FROM);
      const first = await mailer.send(MESSAGE);
      const second = await mailer.send({ ...MESSAGE, to: 'other@example.org' });
      const files = readdirSync(path.join(t.dir, 'outbox'));
      // No temporary file is left behind: each file appears whole, by rename.
      expect(files.sort()).toEqual([path.basename(first.file!), path.basename(second.file!)].sort());
      expect(files.every((f) => f.endsWith('.eml'))).toBe(true);
      const mail = await simpleParser(readFileSync(first.file!));
      expect(first.transport).toBe('outbox');
      expect(mail.messageId).toBe(first.messageId);
      expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe('sigrún@example.is');
      expect(mail.subject).toBe(MESSAGE.subject);
      expect(mail.attachments[0]!.filename).toBe('agenda.ics');
    } finally {
      t.cleanup();
    }
  });
});

describe('mail configuration', () => {
  it('uses the outbox under DATA_DIR when SMTP_URL is not set', () => {
    const config = loadConfig({ DATA_DIR: '/tmp/nh-data' });
    const mailer = createMailer(config.mail, config.dataDir);
    expect(mailer).toBeInstanceOf(OutboxMailer);
    expect((mailer as OutboxMailer).dir).toBe(outboxDir('/tmp/nh-data'));
    expect(describeMailer(mailer, config.mail)).toMatch(/outbox.*nothing is sent/);
  });

  it('uses SMTP with MAIL_FROM when SMTP_URL is set, and logs no password', () => {
    const config = loadConfig({ SMTP_URL: 'smtp://mailer:s3cret@mail.example.org:587', MAIL_FROM: FROM });
    const mailer = createMailer(config.mail, config.dataDir);
    expect(mailer).toBeInstanceOf(SmtpMailer);
    expect(describeMailer(mailer, config.mail)).toBe(`mail: sending over SMTP via smtp://mail.example.org:587 from ${FROM}`);
  });

  it('refuses to start with SMTP_URL but no MAIL_FROM, naming the setting', () => {
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.example.org' })).toThrow(/MAIL_FROM: is required when SMTP_URL is set/);
  });

  it('refuses an SMTP_URL that is not smtp:// or smtps://', () => {
    expect(() => loadConfig({ SMTP_URL: 'https://mail.example.org', MAIL_FROM: FROM })).toThrow(/SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/);
  });
});
