// Staff pass a visitor's introduction request on to the company: one mail to the company's
// contact address with the visitor's details and message (the visitor consented to this when
// asking), answerable straight to the visitor, and the request marked introduced.
import type { AccessStore, EntityStore } from '../db/index.js';
import { IntroductionForwardSchema, type Company, type Introduction } from '../domain/index.js';
import { appError, notFound } from '../errors.js';
import type { Mailer } from '../mail/index.js';
import { parseOrThrow } from '../validation/index.js';

/** What forwarding needs: the request, the company's contact address, and a mailer. */
export interface ForwardDeps {
  readonly repo: Pick<AccessStore, 'getIntroduction' | 'updateIntroduction'> & Pick<EntityStore, 'get'>;
  readonly mailer?: Mailer | undefined;
}

/**
 * Mails the request to the company and records when and to which address; forwarding again
 * sends it again (a lost mail) and records the latest. Nothing is recorded when the mail fails.
 */
export async function forwardIntroduction(deps: ForwardDeps, id: string, body: unknown): Promise<Introduction> {
  const { note } = parseOrThrow(IntroductionForwardSchema, body ?? {}, 'introduction forward');
  const intro = await deps.repo.getIntroduction(id);
  if (!intro) throw notFound('introduction', id);
  const company = await deps.repo.get('company', intro.companyId);
  if (!company) throw notFound('company', intro.companyId, 'companyId');
  if (!company.contactEmail) throw appError('NO_CONTACT_EMAIL', { companyId: company.id }, [{ path: 'companyId', message: 'no contact e-mail' }]);
  if (!deps.mailer) throw appError('NO_MAILER', {});
  await deps.mailer.send({ to: company.contactEmail, replyTo: intro.visitorEmail, ...forwardMail(intro, company, note) });
  const updated = await deps.repo.updateIntroduction(id, { status: 'introduced', forwardedAt: new Date().toISOString(), forwardedTo: company.contactEmail });
  if (!updated) throw notFound('introduction', id);
  return updated;
}

// In English: the company's own language is not on file, and NordicHub staff write the note.
function forwardMail(intro: Introduction, company: Company, note: string | undefined): { subject: string; text: string } {
  const from = [intro.visitorName, intro.visitorCompany, intro.visitorCountry].filter(Boolean).join(', ');
  const lines = [
    `Hello ${company.name},`,
    '',
    ...(note ? [note, ''] : []),
    `${from} would like to meet you and asked NordicHub for an introduction through a partner site.`,
    'They agreed that we pass their request on to you. Reply to this mail to answer them directly.',
    '',
    `Name: ${intro.visitorName}`,
    `E-mail: ${intro.visitorEmail}`,
    ...(intro.visitorCompany ? [`Company: ${intro.visitorCompany}`] : []),
    ...(intro.visitorCountry ? [`Country: ${intro.visitorCountry}`] : []),
    '',
    'Their message:',
    intro.message,
    '',
    'NordicHub',
  ];
  return { subject: `Introduction request from ${from}`, text: lines.join('\n') };
}
