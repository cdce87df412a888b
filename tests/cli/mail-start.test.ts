// The service process says at start where its mail goes, and refuses SMTP without a sender.
import { afterAll, describe, expect, it } from 'vitest';
import { startServiceProcess, databaseFor, runTsx, tempDir, waitForLog, type ServiceProcess } from '../helpers.js';
import { startTestSmtpServer, type TestSmtpServer } from '../mail/smtp-test-server.js';

const t = tempDir();
const base = (): NodeJS.ProcessEnv => ({
  ...process.env,
  DATA_DIR: t.dir,
  PORT: '0',
  LOG_LEVEL: 'info',
  NORDICHUB_ADMIN_KEY: 'test-admin-key-mail-start-0123456789',
  SMTP_URL: undefined,
  MAIL_FROM: undefined,
});
let running: ServiceProcess | undefined;
let smtp: TestSmtpServer | undefined;

afterAll(async () => {
  running?.child.kill('SIGKILL');
  await smtp?.close();
  t.cleanup();
});

describe('mail at service start', () => {
  it('refuses SMTP_URL without MAIL_FROM with a line naming the setting', async () => {
    const r = await runTsx(['src/main.ts'], { ...base(), DATABASE_URL: await databaseFor(t.dir), SMTP_URL: 'smtp://127.0.0.1:2525' });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('MAIL_FROM: is required when SMTP_URL is set');
  });

  it('logs the SMTP server and sender it uses, without credentials', async () => {
    smtp = await startTestSmtpServer();
    const url = new URL(smtp.url);
    running = await startServiceProcess({
      ...base(),
      DATABASE_URL: await databaseFor(t.dir),
      SMTP_URL: `smtp://user:hunter2@${url.host}`,
      MAIL_FROM: 'events@nordichub.test',
    });
    await waitForLog(running, /mail: sending over SMTP/);
    expect(running.output()).toContain(`mail: sending over SMTP via smtp://${url.host} from events@nordichub.test`);
    expect(running.output()).not.toContain('hunter2');
  }, 150_000);
});
