// Endpoints the staff console needs beyond the core API: who is signed in, the funders'
// dashboard figures, and imports that report their progress.
import { z } from 'zod';
import { COUNTRIES, DatasetSchema, LANGUAGES, OPPORTUNITY_TYPES, PARTNER_TYPES, SECTORS } from '../domain/index.js';
import { notFound } from '../errors.js';
import { importJob, ImportJobSchema, startImport } from '../use-cases/import-jobs.js';
import { networkStats } from '../use-cases/network-stats.js';
import { route, type RouteDef } from './http.js';

const problem = (description: string) => ({ description });
const counts = z.array(z.object({ key: z.string(), n: z.number().int() }));

const StatsSchema = z
  .object({
    generatedAt: z.string(),
    companies: z.object({ total: z.number().int(), byCountry: counts, bySector: counts }),
    clusters: z.object({ total: z.number().int(), byCountry: counts }),
    opportunities: z.object({ total: z.number().int(), open: z.number().int(), matched: z.number().int(), threshold: z.number(), byCountry: counts }),
    matches: z.object({
      suggested: z.object({
        total: z.number().int(),
        eventMeetings: z.number().int(),
        introductionRequests: z.number().int(),
        reviewedSuggestions: z.number().int(),
      }),
      accepted: z.object({ total: z.number().int(), meetingsHeld: z.number().int(), introductionsMade: z.number().int(), goodSuggestions: z.number().int() }),
    }),
    events: z.object({
      total: z.number().int(),
      held: z.number().int(),
      upcoming: z.number().int(),
      items: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          date: z.string(),
          held: z.boolean(),
          participants: z.number().int(),
          meetings: z.number().int(),
          crossBorderMeetings: z.number().int(),
        }),
      ),
    }),
  })
  .meta({
    id: 'NetworkStats',
    description:
      'Matches count cross-border pairs only (introduction requests: the visitor names another country than the company\'s). Opportunities are "matched" when a company abroad fits at the digest threshold.',
  });

const JobParams = z.object({ id: z.string().regex(/^import_[0-9a-f-]{36}$/, 'must be an import id') });

const VOCABULARY = { countries: COUNTRIES, languages: LANGUAGES, sectors: SECTORS, partnerTypes: PARTNER_TYPES, opportunityTypes: OPPORTUNITY_TYPES };
// Named per list, so clients (the console among them) know which lists there are.
const VocabularySchema = z
  .object({
    countries: z.array(z.string()),
    languages: z.array(z.string()),
    sectors: z.array(z.string()),
    partnerTypes: z.array(z.string()),
    opportunityTypes: z.array(z.string()),
  })
  .meta({ id: 'Vocabulary' });

export const CONSOLE_ROUTES: RouteDef[] = [
  route({
    method: 'get',
    path: '/api/v1/vocabulary',
    tag: 'Console',
    role: 'public',
    summary: 'The codes accepted for countries, languages, sectors, partner types and opportunity types',
    responses: { 200: { description: 'The vocabularies', schema: VocabularySchema } },
    async handle() {
      return { body: VOCABULARY };
    },
  }),
  route({
    method: 'get',
    path: '/api/v1/me',
    tag: 'Console',
    role: 'staff',
    summary: 'The role of the key in use (the console signs in with it)',
    responses: { 200: { description: 'The caller', schema: z.object({ role: z.string(), keyId: z.string().nullable() }) } },
    async handle({ role, keyId }) {
      return { body: { role, keyId } };
    },
  }),
  route({
    method: 'get',
    path: '/api/v1/stats',
    tag: 'Console',
    role: 'staff',
    summary: 'Figures for funders: members per country and sector, cross-border matches suggested and accepted, events, opportunities matched',
    responses: { 200: { description: 'The figures', schema: StatsSchema } },
    async handle({ engine }) {
      return { body: await networkStats(engine) };
    },
  }),
  route({
    method: 'post',
    path: '/api/v1/imports',
    tag: 'Import',
    role: 'staff',
    bodyLimit: 'import',
    body: DatasetSchema,
    summary: 'Start importing a data set in the background (upsert by id, all or nothing); poll the job for progress',
    responses: {
      202: { description: 'Started', schema: ImportJobSchema },
      400: problem('Malformed; nothing imported, no job started'),
      409: problem('Another import is still running'),
    },
    async handle({ engine, body }) {
      return { status: 202, body: startImport(engine, body) };
    },
  }),
  route({
    method: 'get',
    path: '/api/v1/imports/{id}',
    tag: 'Import',
    role: 'staff',
    params: JobParams,
    summary: 'Progress and outcome of an import',
    responses: {
      200: { description: 'The job', schema: ImportJobSchema },
      404: problem('No such import (jobs are kept in memory until the service restarts)'),
    },
    async handle({ engine, params }) {
      const job = importJob(engine, params.id);
      if (!job) throw notFound('import', params.id);
      return { body: job };
    },
  }),
];
