// The route table: every endpoint with its schemas and the roles it admits. The same table
// mounts the routes, validates requests and generates the OpenAPI document.
import { z } from 'zod';
import {
  ClusterPatchSchema,
  CompanyPatchSchema,
  ENTITY_SCHEMAS,
  OpportunityPatchSchema,
  toPublicCompany,
  type Company,
  type EntityType,
} from '../domain/index.js';
import { deleteEntity } from '../use-cases/delete-entity.js';
import { exportCompanyData } from '../use-cases/export-company-data.js';
import { getVersionedEntity } from '../use-cases/get-entity.js';
import { importAndIndex } from '../use-cases/import-dataset.js';
import { listEntities } from '../use-cases/list-entities.js';
import { digestCsv, opportunityDigest, type ParsedDigestQuery } from '../use-cases/opportunity-digest.js';
import { clusterPartners } from '../use-cases/recommend-clusters.js';
import {
  companiesForOpportunity,
  type OpportunitySearch,
  OpportunitySearchSchema,
  opportunitiesForCompany,
  opportunitiesForText,
} from '../use-cases/recommend-opportunities.js';
import { type PartnerSearch, PartnerSearchSchema, partnersForCompany, partnersForText } from '../use-cases/recommend-partners.js';
import { createEntity, patchEntity } from '../use-cases/write-entities.js';
import { type Dataset, DatasetSchema } from '../domain/index.js';
import { ACCESS_ROUTES } from './access-routes.js';
import { COMPANY_SEARCH_ROUTES } from './company-search-routes.js';
import { CONSOLE_ROUTES } from './console-routes.js';
import { SHEET_IMPORT_ROUTES } from './sheet-import-routes.js';
import { EVENT_ROUTES } from './event-routes.js';
import { EVENT_BULK_ROUTES } from './event-bulk-routes.js';
import { FEEDBACK_ROUTES, FeedbackSchema } from './feedback-routes.js';
import { AgendaMailingSchema, MAIL_ROUTES } from './mail-routes.js';
import { SESSION_ROUTES } from './session-routes.js';
import { ROLE_RANK, route, type Role, type RouteDef } from './http.js';
import {
  AudienceQuerySchema,
  AudienceResponseSchema,
  ClusterPartnerQuerySchema,
  ClusterPartnerResponseSchema,
  ClusterSchema,
  CompanyListQuerySchema,
  CompanySchema,
  DigestHttpQuerySchema,
  DigestSchema,
  IdParams,
  ImportReportSchema,
  ListQuerySchema,
  OpportunityQuerySchema,
  OpportunityResponseSchema,
  OpportunitySchema,
  PartnerQuerySchema,
  PartnerResponseSchema,
  pageOf,
} from './schemas.js';
import { IntroductionSchema } from './access-routes.js';

interface Resource {
  type: EntityType;
  path: string;
  tag: string;
  /** The entity as answered; fields only some roles see are optional in it (see `view`). */
  schema: z.ZodType;
  patch: z.ZodType;
  listQuery: z.ZodObject;
  /** What a caller of this role may see of an entity. */
  view(entity: unknown, role: Role): unknown;
}

const asIs = (e: unknown) => e;

const RESOURCES: Resource[] = [
  { type: 'cluster', path: '/api/v1/clusters', tag: 'Clusters', schema: ClusterSchema, patch: ClusterPatchSchema, listQuery: ListQuerySchema, view: asIs },
  {
    type: 'company',
    path: '/api/v1/companies',
    tag: 'Companies',
    schema: CompanySchema,
    patch: CompanyPatchSchema,
    listQuery: CompanyListQuerySchema,
    // Contact fields and notes are for NordicHub staff only: public callers and site keys get the whitelist.
    view: (e, role) => (ROLE_RANK[role] >= ROLE_RANK.staff ? e : toPublicCompany(e as Company)),
  },
  {
    type: 'opportunity',
    path: '/api/v1/opportunities',
    tag: 'Opportunities',
    schema: OpportunitySchema,
    patch: OpportunityPatchSchema,
    listQuery: ListQuerySchema,
    view: asIs,
  },
];

const problem = (description: string) => ({ description });
const STALE = problem('If-Match names a version the entity no longer has: nothing was changed (application/problem+json)');

const CompanyExportSchema = z
  .object({
    exportedAt: z.string(),
    company: CompanySchema,
    clusters: z.array(z.object({ id: z.string(), name: z.string(), country: z.string() })),
    embeddings: z.array(z.object({ facet: z.string(), modelId: z.string(), textHash: z.string(), dims: z.number() })),
    events: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        registration: z.object({
          availability: z.array(z.number()),
          wishes: z.array(z.object({ companyId: z.string(), priority: z.number() })),
          blocks: z.array(z.string()),
        }),
        meetings: z.array(z.object({ slot: z.number(), start: z.string(), table: z.number(), with: z.string(), pinned: z.boolean() })),
      }),
    ),
    introductionRequests: z.array(IntroductionSchema),
    feedback: z.array(FeedbackSchema),
    agendaMailings: z.array(AgendaMailingSchema),
    history: z.array(z.object({ seq: z.number(), op: z.string(), at: z.string() })),
  })
  .meta({ id: 'CompanyDataExport' });
const deleted = z.object({ deleted: z.string() });

function crudRoutes(r: Resource): RouteDef[] {
  const one = `${r.path}/{id}`;
  return [
    route({
      method: 'get',
      path: r.path,
      tag: r.tag,
      role: 'public',
      summary: `List ${r.tag.toLowerCase()}`,
      query: r.listQuery,
      responses: { 200: { description: 'A page', schema: pageOf(r.schema) }, 400: problem('Bad query') },
      async handle({ engine, query, role }) {
        const page = await listEntities(engine, r.type, query as never);
        return { body: { items: page.items.map((e) => r.view(e, role)), total: page.total } };
      },
    }),
    route({
      method: 'get',
      path: one,
      tag: r.tag,
      role: 'public',
      summary: `Get one ${r.type} (with its version, also as ETag)`,
      params: IdParams,
      responses: { 200: { description: 'Found', schema: r.schema }, 404: problem('No such id') },
      async handle({ engine, params, role }) {
        const { value, version } = await getVersionedEntity(engine, r.type, params.id);
        return { body: { ...(r.view(value, role) as object), version }, version };
      },
    }),
    route({
      method: 'post',
      path: r.path,
      tag: r.tag,
      role: 'staff',
      summary: `Create a ${r.type}`,
      body: ENTITY_SCHEMAS[r.type],
      responses: { 201: { description: 'Created', schema: r.schema }, 400: problem('Invalid'), 409: problem('Id taken') },
      async handle({ engine, body }) {
        const { value, version } = await createEntity(engine, r.type, body);
        return { status: 201, body: { ...value, version }, version };
      },
    }),
    route({
      method: 'patch',
      path: one,
      tag: r.tag,
      role: 'staff',
      params: IdParams,
      body: r.patch,
      summary: `Change the fields the body names (null clears an optional one); with If-Match only if still at that version`,
      responses: {
        200: { description: 'Changed', schema: r.schema },
        400: problem('Invalid'),
        404: problem('No such id'),
        409: problem('Kept changing meanwhile; send again'),
        412: STALE,
      },
      async handle({ engine, params, body, ifMatch }) {
        const { value, version } = await patchEntity(engine, r.type, params.id, body, ifMatch);
        return { body: { ...value, version }, version };
      },
    }),
    route({
      method: 'delete',
      path: one,
      tag: r.tag,
      role: 'admin',
      summary: `Delete a ${r.type}; with If-Match only if still at that version`,
      params: IdParams,
      responses: { 200: { description: 'Deleted', schema: deleted }, 404: problem('No such id'), 412: STALE },
      async handle({ engine, params, ifMatch }) {
        await deleteEntity(engine, r.type, params.id, ifMatch);
        return { body: { deleted: params.id } };
      },
    }),
  ];
}

export const ROUTES: RouteDef[] = [
  ...RESOURCES.flatMap(crudRoutes),
  ...COMPANY_SEARCH_ROUTES,
  ...SHEET_IMPORT_ROUTES,
  ...EVENT_ROUTES,
  ...MAIL_ROUTES,
  ...EVENT_BULK_ROUTES,
  ...ACCESS_ROUTES,
  ...SESSION_ROUTES,
  ...FEEDBACK_ROUTES,
  ...CONSOLE_ROUTES,
  route({
    method: 'get',
    path: '/api/v1/companies/{id}/partners',
    tag: 'Matching',
    role: 'public',
    summary: 'Recommended partners in other countries for a company',
    params: IdParams,
    query: PartnerQuerySchema,
    responses: { 200: { description: 'Ranked partners', schema: PartnerResponseSchema }, 404: problem('No such company') },
    async handle({ engine, acceptLanguage, params, query }) {
      return { body: await partnersForCompany(engine, params.id, query, undefined, { acceptLanguage }) };
    },
  }),
  route({
    method: 'post',
    path: '/api/v1/partners/search',
    tag: 'Matching',
    role: 'public',
    summary: 'Recommended partners for a free-text description (no profile needed)',
    body: PartnerSearchSchema,
    bodyName: 'partner search',
    responses: { 200: { description: 'Ranked partners', schema: PartnerResponseSchema }, 400: problem('Invalid') },
    async handle({ engine, acceptLanguage, body }) {
      return { body: await partnersForText(engine, body as PartnerSearch, { acceptLanguage }) };
    },
  }),
  route({
    method: 'get',
    path: '/api/v1/companies/{id}/export',
    tag: 'Companies',
    role: 'staff',
    params: IdParams,
    summary:
      'Everything held about a company (GDPR access): profile with contacts, clusters, derived vectors, events, introduction requests, staff feedback, write history',
    responses: { 200: { description: 'The export', schema: CompanyExportSchema }, 404: problem('No such company') },
    async handle({ engine, params }) {
      return { body: await exportCompanyData(engine, params.id), filename: `${params.id}-data.json` };
    },
  }),
  route({
    method: 'get',
    path: '/api/v1/companies/{id}/opportunities',
    tag: 'Matching',
    role: 'public',
    summary: 'Open export opportunities in other countries that fit a company',
    params: IdParams,
    query: OpportunityQuerySchema,
    responses: { 200: { description: 'Ranked open opportunities', schema: OpportunityResponseSchema }, 404: problem('No such company') },
    async handle({ engine, acceptLanguage, params, query }) {
      return { body: await opportunitiesForCompany(engine, params.id, query, {}, { acceptLanguage }) };
    },
  }),
  route({
    method: 'post',
    path: '/api/v1/opportunities/search',
    tag: 'Matching',
    role: 'public',
    summary: 'Open export opportunities for a free-text description (no profile needed)',
    body: OpportunitySearchSchema,
    bodyName: 'opportunity search',
    responses: { 200: { description: 'Ranked open opportunities', schema: OpportunityResponseSchema }, 400: problem('Invalid') },
    async handle({ engine, acceptLanguage, body }) {
      return { body: await opportunitiesForText(engine, body as OpportunitySearch, {}, { acceptLanguage }) };
    },
  }),
  route({
    method: 'get',
    path: '/api/v1/opportunities/{id}/companies',
    tag: 'Matching',
    role: 'staff',
    summary: 'Companies in other countries that fit an opportunity best, to alert them',
    params: IdParams,
    query: AudienceQuerySchema,
    responses: { 200: { description: 'Ranked companies with contact fields', schema: AudienceResponseSchema }, 404: problem('No such opportunity') },
    async handle({ engine, params, query }) {
      return { body: await companiesForOpportunity(engine, params.id, query) };
    },
  }),
  route({
    method: 'get',
    path: '/api/v1/clusters/{id}/partners',
    tag: 'Matching',
    role: 'public',
    summary: 'Clusters in other Nordic countries to collaborate with, with the member pairs behind each match',
    params: IdParams,
    query: ClusterPartnerQuerySchema,
    responses: { 200: { description: 'Ranked clusters', schema: ClusterPartnerResponseSchema }, 404: problem('No such cluster') },
    async handle({ engine, params, query }) {
      return { body: await clusterPartners(engine, params.id, query) };
    },
  }),
  route({
    method: 'get',
    path: '/api/v1/digest',
    tag: 'Matching',
    role: 'staff',
    summary: 'Per company, the new opportunities since a date that fit it above a threshold (JSON, or CSV for a mail merge)',
    query: DigestHttpQuerySchema,
    responses: { 200: { description: 'The digest', schema: DigestSchema }, 400: problem('Invalid query') },
    async handle({ engine, query }) {
      const { format, ...digestQuery } = query as ParsedDigestQuery & { format: 'json' | 'csv' };
      const digest = await opportunityDigest(engine, digestQuery);
      if (format === 'csv') return { body: digestCsv(digest), type: 'text/csv; charset=utf-8', filename: `opportunity-digest-${digest.since}.csv` };
      return { body: digest };
    },
  }),
  route({
    method: 'post',
    path: '/api/v1/import',
    tag: 'Import',
    role: 'staff',
    bodyLimit: 'import',
    summary: 'Import a data set (upsert by id, all or nothing)',
    body: DatasetSchema,
    bodyName: 'data set',
    responses: { 200: { description: 'Imported', schema: ImportReportSchema }, 400: problem('Invalid; nothing imported') },
    async handle({ engine, body }) {
      return { body: await importAndIndex(engine, body as Dataset) };
    },
  }),
];
