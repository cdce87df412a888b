// A real SMTP server on a free local port for tests: every message it accepts is parsed with
// mailparser and kept, so a test reads what a recipient's mail client would.
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { waitFor } from '../helpers.js';

export interface TestSmtpServer {
  /** `smtp://127.0.0.1:<port>`: what SMTP_URL would be. */
  url: string;
  /** Messages received so far, oldest first, with the envelope recipients. */
  received: (ParsedMail & { envelopeTo: string[] })[];
  /** Resolves once `n` messages have arrived in all (fails after `ms`). */
  waitForCount(n: number, ms?: number): Promise<void>;
  /** Recipients whose RCPT TO the server refuses, as a real server refuses an unknown mailbox. */
  refuse: Set<string>;
  close(): Promise<void>;
}

export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const received: TestSmtpServer['received'] = [];
  const refuse = new Set<string>();
  const server = new SMTPServer({
    // Plain SMTP on loopback: no STARTTLS (a self-signed certificate would fail verification) and no login.
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, done) {
      if (refuse.has(address.address)) return done(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
      done();
    },
    onData(stream, session, done) {
      simpleParser(stream).then((mail) => {
        received.push(Object.assign(mail, { envelopeTo: session.envelope.rcptTo.map((r) => r.address) }));
        done();
      }, done);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = (server as unknown as { server: { address(): AddressInfo } }).server.address();
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuse,
    waitForCount: (n, ms = 10_000) => waitFor(async () => (received.length >= n ? true : undefined), ms).then(() => undefined),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
