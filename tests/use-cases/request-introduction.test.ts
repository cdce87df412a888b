// Introduction requests from the widget: stored once per visitor and company, with the visitor's
// company and country, and a copy to the visitor when a mailer is configured.
import { describe, expect, it } from 'vitest';
import { requestIntroduction, type IntroductionOrigin } from '../../src/use-cases/request-introduction.js';
import type { VisitorCopyMailer } from '../../src/use-cases/introduction-copy.js';
import { smallSet } from '../fixtures/small-set.js';
import { engineForFile } from '../engine-per-file.js';

const t = engineForFile(smallSet);

const FROM: IntroductionOrigin = { siteKeyId: null, origin: 'https://handelskammaren.example' };
const KARIN = {
  name: 'Karin Lindqvist',
  email: 'karin@lindqvist.example',
  visitorCompany: 'Lindqvist Förpackning AB',
  country: 'SE',
  message: 'Vi vill gärna träffas.',
  consent: true,
  language: 'sv',
} as const;

/** Keeps what it was asked to send: the seam's contract, checked without delivering mail. */
class OutboxMailer implements VisitorCopyMailer {
  readonly sent: { to: string; subject: string; text: string }[] = [];
  constructor(private readonly fail = false) {}
  async send(message: { to: string; subject: string; text: string }): Promise<void> {
    if (this.fail) throw new Error('SMTP server refused the connection');
    this.sent.push(message);
  }
}

const storedFor = async (companyId: string) => (await t.repo.listIntroductions({ companyId, limit: 50, offset: 0 })).items;

describe('an introduction request', () => {
  it('is stored with the visitor’s company, country and language', async () => {
    await requestIntroduction(t.engine, { ...KARIN, companyId: 'fi-pack' }, FROM);
    expect(await storedFor('fi-pack')).toEqual([
      expect.objectContaining({
        visitorName: 'Karin Lindqvist',
        visitorCompany: 'Lindqvist Förpackning AB',
        visitorCountry: 'SE',
        language: 'sv',
        status: 'new',
      }),
    ]);
  });

  it('is stored once when the same visitor sends it again for the same company', async () => {
    const first = await requestIntroduction(t.engine, { ...KARIN, companyId: 'no-fish' }, FROM);
    const again = await requestIntroduction(t.engine, { ...KARIN, companyId: 'no-fish', email: 'KARIN@lindqvist.example' }, FROM);
    expect(again).toEqual(first);
    expect(await storedFor('no-fish')).toHaveLength(1);
    // Another visitor, or another company, is a request of its own.
    await requestIntroduction(t.engine, { ...KARIN, companyId: 'no-fish', email: 'olle@lindqvist.example' }, FROM);
    expect(await storedFor('no-fish')).toHaveLength(2);
  });

  it('sends the visitor a copy in the widget’s language when a mailer is given', async () => {
    const mailer = new OutboxMailer();
    await requestIntroduction(t.engine, { ...KARIN, companyId: 'se-dist' }, FROM, mailer);
    expect(mailer.sent).toHaveLength(1);
    const copy = mailer.sent[0]!;
    expect(copy.to).toBe('karin@lindqvist.example');
    expect(copy.subject).toBe('Din förfrågan om introduktion: Nordpack Wholesale AB');
    expect(copy.text).toContain('Hej Karin Lindqvist,');
    expect(copy.text).toContain('Ditt företag: Lindqvist Förpackning AB');
    expect(copy.text).toContain('Vi vill gärna träffas.');
    // The company's private contact details never go to the visitor.
    expect(copy.text).not.toMatch(/sven@example\.org/);
  });

  it('sends no second copy for a repeated request', async () => {
    const mailer = new OutboxMailer();
    await requestIntroduction(t.engine, { ...KARIN, companyId: 'se-dist' }, FROM, mailer);
    expect(mailer.sent).toHaveLength(0);
  });

  it('is still stored and answered when the copy cannot be sent', async () => {
    const answer = await requestIntroduction(t.engine, { ...KARIN, companyId: 'se-soft' }, FROM, new OutboxMailer(true));
    expect(answer.status).toBe('received');
    expect(await storedFor('se-soft')).toHaveLength(1);
  });
});
