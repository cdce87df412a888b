// Mail to event participants (staff): each participant's agenda with its calendar file.
import { z } from 'zod';
import { sendAgendas, SendAgendasSchema } from '../use-cases/send-agendas.js';
import { route, type RouteDef } from './http.js';
import { IdParams } from './schemas.js';

const problem = (description: string) => ({ description });

export const AgendaMailingSchema = z
  .object({
    eventId: z.string(),
    companyId: z.string(),
    agendaHash: z.string(),
    to: z.string(),
    transport: z.enum(['smtp', 'outbox']),
    messageId: z.string(),
    sentAt: z.string(),
  })
  .meta({ id: 'AgendaMailing', description: 'An agenda mailed to a participant; `to` is its private contact e-mail.' });

const SendAgendasResultSchema = z
  .object({
    sent: z.array(z.object({ companyId: z.string(), to: z.string(), transport: z.enum(['smtp', 'outbox']) })),
    skipped: z.array(z.object({ companyId: z.string(), reason: z.enum(['no-contact-email', 'unchanged', 'no-company', 'send-failed']) })),
  })
  .meta({ id: 'SendAgendasResult', description: '`to` is the participant’s private contact e-mail: this answer is for staff only.' });

export const MAIL_ROUTES: RouteDef[] = [
  route({
    method: 'post',
    path: '/api/v1/events/{id}/agendas/send',
    tag: 'Events',
    role: 'staff',
    params: IdParams,
    body: SendAgendasSchema,
    summary:
      'Mail each participant its agenda (text in its language, times in the venue’s zone, the .ics attached); by default only those whose agenda changed since last mailed, and a participant who withdrew after being mailed gets its meetings as cancelled. Without SMTP_URL the mails go to DATA_DIR/outbox as .eml files',
    responses: {
      200: { description: 'Who was mailed and who was skipped, and why', schema: SendAgendasResultSchema },
      400: problem('Invalid body, or a company that is not (and was not mailed as) a participant: nothing was sent'),
      404: problem('No such event'),
      409: problem('The event has no agenda yet'),
    },
    async handle({ engine, params, body }) {
      return { body: await sendAgendas(engine, params.id, body) };
    },
  }),
];
