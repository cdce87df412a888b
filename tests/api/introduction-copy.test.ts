// A widget visitor's introduction request reaches staff, and a copy reaches the visitor's own
// mailbox through the configured mailer: checked with a real SMTP server on a loopback port.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, hashKey } from '../../src/api/index.js';
import type { Engine } from '../../src/engine/index.js';
import { SmtpMailer, type Mailer } from '../../src/mail/index.js';
import { createApiKey } from '../../src/use-cases/create-api-key.js';
import { smallSet } from '../fixtures/small-set.js';
import { createTestEngine, serve, type TestEngine } from '../helpers.js';
import { startTestSmtpServer, type TestSmtpServer } from '../mail/smtp-test-server.js';

const ADMIN = 'test-admin-key-introduction-copy-0123456789';
const ORIGIN = 'https://partner.example';

let t: TestEngine;
let smtp: TestSmtpServer;
let mailer: Mailer;
let server: Awaited<ReturnType<typeof serve>>;
let siteKey: string;

beforeAll(async () => {
  t = await createTestEngine({ data: smallSet() });
  smtp = await startTestSmtpServer();
  mailer = new SmtpMailer(smtp.url, 'NordicHub <hello@nordichub.test>');
  const engine = (): Engine => ({ ...t.engine, mailer });
  server = await serve(buildApp({ engine, adminKeyHash: hashKey(ADMIN) }));
  siteKey = (await createApiKey(t.repo, { role: 'site', label: 'partner site', origins: [ORIGIN] })).secret;
});
afterAll(async () => {
  await server?.close();
  await mailer?.close();
  await smtp?.close();
  await t?.close();
});

const ask = (body: Record<string, unknown>) =>
  fetch(`${server.base}/api/v1/introductions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${siteKey}`, origin: ORIGIN },
    body: JSON.stringify(body),
  });

const request = {
  name: 'Karin Lindqvist',
  email: 'karin@fiskbolaget.example',
  visitorCompany: 'Fiskbolaget AB',
  country: 'SE',
  language: 'sv',
  message: 'Vi söker en partner för syresensorer.',
  consent: true,
};

describe('the visitor copy of an introduction request', () => {
  it('is mailed to the visitor in the widget language, naming the company and nothing private', async () => {
    const [company] = (await t.repo.list('company', { limit: 1, offset: 0 })).items;
    const r = await ask({ ...request, companyId: company!.id });
    expect(r.status).toBe(201);
    await smtp.waitForCount(1);
    const mail = smtp.received.at(-1)!;
    expect(mail.envelopeTo).toEqual([request.email]);
    expect(mail.text).toContain(company!.name);
    expect(mail.text).toContain(request.message);
    if (company!.contactEmail) expect(mail.text).not.toContain(company!.contactEmail);
    expect(mail.subject).toBe(`Din förfrågan om introduktion: ${company!.name}`);
    expect(mail.text).toContain(`Hej ${request.name},`);
  });

  it('is sent once when the same visitor asks twice for the same company', async () => {
    const [, company] = (await t.repo.list('company', { limit: 2, offset: 0 })).items;
    const before = smtp.received.length;
    const first = await ask({ ...request, companyId: company!.id });
    const second = await ask({ ...request, companyId: company!.id });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(((await second.json()) as { id: string }).id).toBe(((await first.json()) as { id: string }).id);
    await smtp.waitForCount(before + 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.received.length).toBe(before + 1);
  });

  it('is not sent for a request that fails validation, and nothing is stored', async () => {
    const [company] = (await t.repo.list('company', { limit: 1, offset: 0 })).items;
    const before = smtp.received.length;
    const stored = (await t.repo.listIntroductions({ limit: 100, offset: 0 })).total;
    const r = await ask({ ...request, email: 'karin@', companyId: company!.id });
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.received.length).toBe(before);
    expect((await t.repo.listIntroductions({ limit: 100, offset: 0 })).total).toBe(stored);
  });
});

describe('forwarding a request to the company', () => {
  const staffCall = async (path: string, body: unknown, key: string) =>
    fetch(`${server.base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify(body),
    });

  it("mails the company's contact address, replies going to the visitor, and records when and where", async () => {
    const staff = (await createApiKey(t.repo, { role: 'staff', label: 'staff' })).secret;
    const company = (await t.repo.list('company', { limit: 100, offset: 0 })).items.find((c) => c.contactEmail)!;
    const asked = (await (await ask({ ...request, email: 'olof@fiskbolaget.example', companyId: company.id })).json()) as { id: string };
    await smtp.waitForCount(smtp.received.length);
    const before = smtp.received.length;
    const r = await staffCall(`/api/v1/introductions/${asked.id}/forward`, { note: 'They look like a fit for your sensors.' }, staff);
    expect(r.status).toBe(200);
    const recorded = (await r.json()) as { status: string; forwardedAt: string; forwardedTo: string };
    expect(recorded).toMatchObject({ status: 'introduced', forwardedTo: company.contactEmail });
    expect(Date.parse(recorded.forwardedAt)).toBeGreaterThan(Date.now() - 60_000);
    await smtp.waitForCount(before + 1);
    const mail = smtp.received.at(-1)!;
    expect(mail.envelopeTo).toEqual([company.contactEmail]);
    expect(mail.replyTo?.value[0]?.address).toBe('olof@fiskbolaget.example');
    expect(mail.text).toContain('They look like a fit for your sensors.');
    expect(mail.text).toContain(request.message);
    expect(mail.text).toContain(request.visitorCompany);
    expect((await t.repo.getIntroduction(asked.id))?.forwardedTo).toBe(company.contactEmail);
  });

  it('refuses a company without a contact e-mail and an unknown request, mailing nothing and recording nothing', async () => {
    const staff = (await createApiKey(t.repo, { role: 'staff', label: 'staff 2' })).secret;
    const company = (await t.repo.list('company', { limit: 100, offset: 0 })).items.find((c) => !c.contactEmail)!;
    const asked = (await (await ask({ ...request, email: 'eva@fiskbolaget.example', companyId: company.id })).json()) as { id: string };
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = smtp.received.length;
    const r = await staffCall(`/api/v1/introductions/${asked.id}/forward`, {}, staff);
    expect(r.status).toBe(409);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect((await staffCall('/api/v1/introductions/intro_00000000-0000-0000-0000-000000000000/forward', {}, staff)).status).toBe(404);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.received.length).toBe(before);
    expect(await t.repo.getIntroduction(asked.id)).toMatchObject({ status: 'new', forwardedAt: null });
  });

  it('is for staff only', async () => {
    const r = await fetch(`${server.base}/api/v1/introductions/intro_x/forward`, {
      method: 'POST',
      headers: { authorization: `Bearer ${siteKey}`, origin: ORIGIN },
    });
    expect([401, 403]).toContain(r.status);
  });
});
