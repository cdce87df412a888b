// Staff company search (the console's search box): words with their stems and sector names,
// then the closest profiles in meaning when no company has the words. The list endpoints' `q`
// stays the literal word search it has always been.
import { z } from 'zod';
import { CompanySearchQuerySchema, searchCompanies } from '../use-cases/search-companies.js';
import { route, type RouteDef } from './http.js';
import { CompanySchema } from './schemas.js';

const CompanySearchResponseSchema = z
  .object({
    items: z.array(CompanySchema),
    total: z.number().int(),
    matchedBy: z.enum(['words', 'meaning', 'none']).meta({
      description:
        '`words`: the companies have the words (in some form) or are in the sector the query names; `meaning`: none had them, these are the closest profiles in meaning; `none`: nothing found',
    }),
    sectors: z.array(z.string()).meta({ description: 'Sectors the query names in any of the six languages; their companies match too' }),
    similarity: z
      .array(z.object({ id: z.string(), similarity: z.number() }))
      .meta({ description: 'With `meaning`: cosine similarity of each offered profile to the query' }),
    hint: z.string().nullable().meta({ description: 'What to try next when the words found nothing' }),
  })
  .meta({ id: 'CompanySearch' });

export const COMPANY_SEARCH_ROUTES: RouteDef[] = [
  route({
    method: 'get',
    // Not /companies/search: that path is the company whose id is "search".
    path: '/api/v1/search/companies',
    tag: 'Companies',
    role: 'staff',
    summary: 'Search companies as staff mean it: stems, sector names in six languages, then the closest profiles in meaning',
    query: CompanySearchQuerySchema,
    responses: { 200: { description: 'Companies found, and how', schema: CompanySearchResponseSchema }, 400: { description: 'Bad query' } },
    async handle({ engine, query }) {
      return { body: await searchCompanies(engine, query) };
    },
  }),
];
