// Request and response shapes of the HTTP API. Request schemas come from the domain; these add
// the HTTP-only parts (query strings, pages, problems) and describe responses for OpenAPI.
import { z } from 'zod';
import {
  decimalInt,
  MAX_SEARCH_CHARS,
  MAX_SEARCH_WORDS,
  searchWords,
  ClusterInputSchema,
  CompanyInputSchema,
  CountrySchema,
  IdSchema,
  LANGUAGES,
  OpportunityInputSchema,
  SectorSchema,
} from '../domain/index.js';
import { ScoredFields } from '../use-cases/hybrid-results.js';
import { EMPLOYEE_BANDS } from '../domain/index.js';
import { DigestQuerySchema } from '../use-cases/opportunity-digest.js';

export const IdParams = z.object({ id: IdSchema });

export const ListQuerySchema = z.strictObject({
  limit: decimalInt(1, 500).default(50).meta({ description: 'Page size (1-500)' }),
  offset: decimalInt(0, 10_000_000).default(0),
  country: CountrySchema.optional(),
  sector: SectorSchema.optional(),
  q: z
    .string()
    .max(MAX_SEARCH_CHARS)
    // Counted after the split the search itself uses: punctuation, % and _ separate words too.
    .refine((q) => searchWords(q).length <= MAX_SEARCH_WORDS, `at most ${MAX_SEARCH_WORDS} words (letters and digits; anything else separates words)`)
    .optional()
    .meta({
      description: `Up to ${MAX_SEARCH_WORDS} words (${MAX_SEARCH_CHARS} characters) that must all appear in the name (title), description, offers, needs or id; any letter case, accents and Nordic letters folded (ø = o, æ = ae); words of 2+ letters match as prefixes ("batter" finds "battery")`,
    }),
});

export const CompanyListQuerySchema = ListQuerySchema.extend({
  cluster: IdSchema.optional().meta({ description: 'Only members of this cluster' }),
});

// The recommendation filters are the use cases' own schemas: one definition, one limit, one error.
export { PartnerFiltersSchema as PartnerQuerySchema } from '../use-cases/recommend-partners.js';
export { AudienceFiltersSchema as AudienceQuerySchema, OpportunityFiltersSchema as OpportunityQuerySchema } from '../use-cases/recommend-opportunities.js';
export { ClusterPartnerFiltersSchema as ClusterPartnerQuerySchema } from '../use-cases/recommend-clusters.js';

export const DigestHttpQuerySchema = DigestQuerySchema.extend({
  format: z.enum(['json', 'csv']).default('json').meta({ description: '`csv` answers text/csv, one row per company and opportunity' }),
});

const nullable = <T extends z.ZodType>(s: T) => s.nullable();

/** On answers about one entity (GET one, POST, PATCH); the same number as their ETag. */
export const VersionField = z
  .number()
  .int()
  .min(1)
  .optional()
  .meta({ description: 'The entity’s version (+1 on every write), as in the ETag `"<version>"`; on single-entity answers only' });

export const ClusterSchema = ClusterInputSchema.extend({ website: nullable(z.string()), version: VersionField }).meta({ id: 'Cluster' });
export const OpportunitySchema = OpportunityInputSchema.extend({ deadline: nullable(z.string()), url: nullable(z.string()), version: VersionField }).meta({
  id: 'Opportunity',
});

const companyBase = CompanyInputSchema.extend({
  language: nullable(z.enum(LANGUAGES)),
  employees: nullable(z.number()),
  website: nullable(z.string()),
  version: VersionField,
});
// Present for staff and admin keys only: the same company answers public callers without them.
const privateField = (description: string) =>
  nullable(z.string())
    .optional()
    .meta({ description: `${description}; staff and admin keys only` });
export const CompanySchema = companyBase
  .extend({ contactEmail: privateField('Contact e-mail'), contactPhone: privateField('Contact phone'), notes: privateField('Staff notes') })
  .meta({ id: 'Company', description: 'Private fields (contact, notes) appear only for staff and admin keys.' });
export const PublicCompanySchema = companyBase.omit({ contactEmail: true, contactPhone: true, notes: true }).meta({ id: 'PublicCompany' });

export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });

export const PartnerResponseSchema = z
  .object({
    results: z.array(
      z.object({
        company: PublicCompanySchema,
        ...ScoredFields,
        summary: z.string().meta({ description: 'The first sentences of the description, untranslated, at most 240 characters (a result card)' }),
        employeeBand: z.enum(EMPLOYEE_BANDS).nullable().meta({ description: 'Size class by head count (EU SME bands); null when unknown' }),
      }),
    ),
    model: z.string(),
    nextOffset: z
      .number()
      .int()
      .nullable()
      .optional()
      .meta({ description: 'On a paged search (one that sent `offset`) only: the offset of the next page, or null when no more results follow' }),
  })
  .meta({ id: 'PartnerResponse' });

export const OpportunityResponseSchema = z
  .object({ results: z.array(z.object({ opportunity: OpportunitySchema, ...ScoredFields })), model: z.string() })
  .meta({ id: 'OpportunityResponse' });

export const AudienceResponseSchema = z
  .object({
    opportunity: OpportunitySchema.extend({ open: z.boolean() }),
    results: z.array(z.object({ company: CompanySchema, ...ScoredFields })),
    model: z.string(),
  })
  .meta({ id: 'AudienceResponse', description: 'Staff only: companies carry their contact fields for alerting.' });

const memberRef = z.object({ id: z.string(), name: z.string(), country: z.string() });

export const ClusterPartnerResponseSchema = z
  .object({
    results: z.array(
      z.object({
        cluster: ClusterSchema,
        score: ScoredFields.score,
        strength: ScoredFields.strength.meta({ description: 'The score in words' }),
        scores: ScoredFields.scores,
        reasons: ScoredFields.reasons,
        memberPairs: z.array(z.object({ member: memberRef, partner: memberRef, score: z.number(), reason: z.string() })).meta({
          description: 'The member pairs that make the match strongest: a member of the asking cluster and one of the suggested cluster',
        }),
      }),
    ),
    model: z.string(),
  })
  .meta({ id: 'ClusterPartnerResponse' });

export const DigestSchema = z
  .object({
    since: z.string(),
    threshold: z.number(),
    generatedAt: z.string(),
    newOpportunities: z.number().int(),
    companies: z.array(
      z.object({
        company: CompanySchema,
        matches: z.array(
          z.object({ opportunity: OpportunitySchema, score: ScoredFields.score, strength: ScoredFields.strength, reasons: ScoredFields.reasons }),
        ),
      }),
    ),
  })
  .meta({ id: 'Digest' });

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

export { ImportReportSchema } from '../use-cases/import-dataset.js';
