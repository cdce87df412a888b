// Bulk registration for events (staff): match pasted names to companies, then add the chosen ones.
import { z } from 'zod';
import { BulkParticipantsSchema, ParticipantMatchSchema } from '../domain/index.js';
import { addParticipantsInBulk, matchParticipantLines } from '../use-cases/event-participants-bulk.js';
import { route, type RouteDef } from './http.js';
import { IdParams } from './schemas.js';

const TAG = 'Events';
const problem = (description: string) => ({ description });

const MatchResponseSchema = z
  .object({
    matches: z.array(
      z.object({
        line: z.string(),
        candidates: z.array(z.object({ companyId: z.string(), name: z.string(), country: z.string(), score: z.number() })),
      }),
    ),
  })
  .meta({ id: 'ParticipantMatches' });

const BulkResponseSchema = z
  .object({
    added: z.array(z.string()),
    skipped: z.array(z.object({ companyId: z.string(), reason: z.enum(['already registered', 'listed twice']) })),
  })
  .meta({ id: 'BulkParticipants' });

export const EVENT_BULK_ROUTES: RouteDef[] = [
  route({
    method: 'post',
    path: '/api/v1/events/{id}/participants/match',
    tag: TAG,
    role: 'staff',
    params: IdParams,
    body: ParticipantMatchSchema,
    summary:
      'Match pasted company names (one per line, accents and Nordic letters optional, small typos forgiven) to companies: the best few per line, for review before a bulk add',
    responses: { 200: { description: 'Candidates per line, best first', schema: MatchResponseSchema }, 400: problem('Invalid'), 404: problem('No such event') },
    async handle({ engine, params, body }) {
      return { body: await matchParticipantLines(engine, params.id, body) };
    },
  }),
  route({
    method: 'post',
    path: '/api/v1/events/{id}/participants/bulk',
    tag: TAG,
    role: 'staff',
    params: IdParams,
    body: BulkParticipantsSchema,
    summary: 'Register many companies at once (all slots, no wishes yet); an unknown id refuses the whole list. Already registered ones are skipped',
    responses: {
      200: { description: 'Added and skipped', schema: BulkResponseSchema },
      400: problem('Invalid: nothing was added'),
      404: problem('No such event'),
    },
    async handle({ engine, params, body }) {
      return { body: await addParticipantsInBulk(engine, params.id, body) };
    },
  }),
];
