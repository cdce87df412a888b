// Staff feedback on suggestions: a verdict per company and candidate, for the console and for
// `npm run eval`, which reads the verdicts as a second source of relevance judgments.
import { z } from 'zod';
import { decimalInt, FEEDBACK_KINDS, FEEDBACK_VERDICTS, type FeedbackInput, FeedbackInputSchema, IdSchema } from '../domain/index.js';
import { feedbackCsv, feedbackOfCompany, feedbackPage } from '../use-cases/list-feedback.js';
import { recordFeedback } from '../use-cases/record-feedback.js';
import { withdrawFeedback } from '../use-cases/withdraw-feedback.js';
import { route, type RouteDef } from './http.js';
import { IdParams, pageOf } from './schemas.js';

const problem = (description: string) => ({ description });
const FEEDBACK_PATH = '/api/v1/companies/{id}/feedback';

export const FeedbackSchema = z
  .object({
    id: z.string(),
    companyId: z.string(),
    kind: z.enum(FEEDBACK_KINDS),
    candidateId: z.string(),
    verdict: z.enum(FEEDBACK_VERDICTS),
    score: z.number().nullable(),
    note: z.string().nullable(),
    keyId: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Feedback' });

const WithdrawQuery = z.strictObject({ kind: z.enum(FEEDBACK_KINDS), candidateId: IdSchema });

const FeedbackListQuery = z.strictObject({
  format: z.enum(['json', 'csv']).default('json').meta({ description: '`csv` answers text/csv with every matching judgment (no paging), names beside ids' }),
  kind: z.enum(FEEDBACK_KINDS).optional(),
  verdict: z.enum(FEEDBACK_VERDICTS).optional(),
  limit: decimalInt(1, 500).default(50).meta({ description: 'Page size (1-500); JSON only' }),
  offset: decimalInt(0, 10_000_000).default(0),
});

export const FEEDBACK_ROUTES: RouteDef[] = [
  route({
    method: 'put',
    path: FEEDBACK_PATH,
    tag: 'Feedback',
    role: 'staff',
    params: IdParams,
    body: FeedbackInputSchema,
    bodyName: 'feedback',
    summary: 'Judge one suggestion made to the company as good or wrong; judging it again replaces the verdict',
    responses: { 200: { description: 'Recorded', schema: FeedbackSchema }, 400: problem('Invalid, or no such candidate'), 404: problem('No such company') },
    async handle({ engine, params, body, keyId }) {
      return { body: await recordFeedback(engine, params.id, body as FeedbackInput, keyId) };
    },
  }),
  route({
    method: 'get',
    path: FEEDBACK_PATH,
    tag: 'Feedback',
    role: 'staff',
    params: IdParams,
    summary: "Every judgment of the company's suggestions, newest first",
    responses: { 200: { description: 'Judgments', schema: z.object({ items: z.array(FeedbackSchema) }) }, 404: problem('No such company') },
    async handle({ engine, params }) {
      return { body: { items: await feedbackOfCompany(engine, params.id) } };
    },
  }),
  route({
    method: 'delete',
    path: FEEDBACK_PATH,
    tag: 'Feedback',
    role: 'staff',
    params: IdParams,
    query: WithdrawQuery,
    summary: 'Withdraw the judgment of one suggestion',
    responses: { 200: { description: 'Withdrawn', schema: z.object({ deleted: z.literal(true) }) }, 404: problem('No such judgment') },
    async handle({ engine, params, query }) {
      await withdrawFeedback(engine, params.id, query.kind, query.candidateId);
      return { body: { deleted: true } };
    },
  }),
  route({
    method: 'get',
    path: '/api/v1/feedback',
    tag: 'Feedback',
    role: 'staff',
    query: FeedbackListQuery,
    summary: 'All staff judgments, newest first: a page as JSON, or every one as CSV',
    responses: { 200: { description: 'A page (or text/csv)', schema: pageOf(FeedbackSchema) }, 400: problem('Invalid query') },
    async handle({ engine, query }) {
      const { format, kind, verdict, limit, offset } = query;
      if (format === 'csv') return { body: await feedbackCsv(engine, { kind, verdict }), type: 'text/csv; charset=utf-8', filename: 'feedback.csv' };
      return { body: await feedbackPage(engine, { kind, verdict, limit, offset }) };
    },
  }),
];
