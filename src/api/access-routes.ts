// API keys (admin) and introduction requests (sent by the widget with a site key, handled by staff).
import { z } from 'zod';
import {
  decimalInt,
  ApiKeyInputSchema,
  INTRODUCTION_STATUSES,
  IntroductionForwardSchema,
  IntroductionInputSchema,
  IntroductionPatchSchema,
} from '../domain/index.js';
import { createApiKey } from '../use-cases/create-api-key.js';
import { listApiKeys } from '../use-cases/list-api-keys.js';
import { forwardIntroduction } from '../use-cases/forward-introduction.js';
import { listIntroductions } from '../use-cases/list-introductions.js';
import { requestIntroduction } from '../use-cases/request-introduction.js';
import { revokeApiKey } from '../use-cases/revoke-api-key.js';
import { updateIntroduction } from '../use-cases/update-introduction.js';
import { route, type RouteDef } from './http.js';
import { pageOf } from './schemas.js';

const problem = (description: string) => ({ description });
const KeyParams = z.object({ id: z.string().regex(/^key_[0-9a-f]{12}$/, 'must be a key id such as key_0123456789ab') });
const IntroParams = z.object({ id: z.string().regex(/^intro_[0-9a-f-]{36}$/, 'must be an introduction id') });

const ApiKeySchema = z
  .object({
    id: z.string(),
    role: z.string(),
    label: z.string(),
    origins: z.array(z.string()),
    prefix: z.string(),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiKey' });

export const IntroductionSchema = z
  .object({
    id: z.string(),
    companyId: z.string(),
    visitorName: z.string(),
    visitorEmail: z.string(),
    visitorCompany: z.string().nullable(),
    visitorCountry: z.string().nullable(),
    message: z.string(),
    consentAt: z.string(),
    siteKeyId: z.string().nullable(),
    origin: z.string().nullable(),
    language: z.string().nullable(),
    status: z.enum(INTRODUCTION_STATUSES),
    staffNote: z.string().nullable(),
    forwardedAt: z.string().nullable().meta({ description: 'When staff mailed the request to the company; null until then' }),
    forwardedTo: z.string().nullable().meta({ description: "The company's contact address it went to (staff only)" }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Introduction' });

// The list adds the company's name to each request (null once the company is deleted).
const ListedIntroductionSchema = IntroductionSchema.extend({ companyName: z.string().nullable() }).meta({ id: 'ListedIntroduction' });

const IntroListQuery = z.strictObject({
  status: z.enum(INTRODUCTION_STATUSES).optional(),
  companyId: z.string().max(80).optional(),
  limit: decimalInt(1, 500).default(50),
  offset: decimalInt(0, 10_000_000).default(0),
});

export const ACCESS_ROUTES: RouteDef[] = [
  route({
    method: 'post',
    path: '/api/v1/keys',
    tag: 'Keys',
    role: 'admin',
    invalidatesKeys: true,
    body: ApiKeyInputSchema,
    summary: 'Create an API key (site, staff or admin); the secret is in this answer only, the service keeps its hash',
    responses: { 201: { description: 'Created', schema: z.object({ key: ApiKeySchema, secret: z.string() }) }, 400: problem('Invalid') },
    async handle({ engine, body }) {
      return { status: 201, body: await createApiKey(engine.repo, body) };
    },
  }),
  route({
    method: 'get',
    path: '/api/v1/keys',
    tag: 'Keys',
    role: 'admin',
    summary: 'List API keys (never their secrets)',
    responses: { 200: { description: 'Keys', schema: z.object({ items: z.array(ApiKeySchema) }) } },
    async handle({ engine }) {
      return { body: { items: await listApiKeys(engine.repo) } };
    },
  }),
  route({
    method: 'delete',
    path: '/api/v1/keys/{id}',
    tag: 'Keys',
    role: 'admin',
    invalidatesKeys: true,
    params: KeyParams,
    summary: 'Revoke an API key at once',
    responses: { 200: { description: 'Revoked', schema: z.object({ revoked: z.string() }) }, 404: problem('No such key') },
    async handle({ engine, params }) {
      await revokeApiKey(engine.repo, params.id);
      return { body: { revoked: params.id } };
    },
  }),
  route({
    method: 'post',
    path: '/api/v1/introductions',
    tag: 'Introductions',
    role: 'site',
    body: IntroductionInputSchema,
    summary: 'A widget visitor asks NordicHub for an introduction to a company (consent required); the answer reveals nothing about the company',
    responses: {
      201: { description: 'Received', schema: z.object({ id: z.string(), status: z.literal('received') }) },
      400: problem('Invalid'),
      404: problem('No such company'),
    },
    async handle({ engine, body, keyId, origin }) {
      // With a mailer configured (SMTP_URL, or the outbox), the visitor gets a copy of the request.
      return { status: 201, body: await requestIntroduction(engine, body, { siteKeyId: keyId, origin }) };
    },
  }),
  route({
    method: 'get',
    path: '/api/v1/introductions',
    tag: 'Introductions',
    role: 'staff',
    query: IntroListQuery,
    summary: 'Introduction requests, newest first, each with the name of the company asked for',
    responses: { 200: { description: 'A page', schema: pageOf(ListedIntroductionSchema) } },
    async handle({ engine, query }) {
      return { body: await listIntroductions(engine, query as z.output<typeof IntroListQuery>) };
    },
  }),
  route({
    method: 'patch',
    path: '/api/v1/introductions/{id}',
    tag: 'Introductions',
    role: 'staff',
    params: IntroParams,
    body: IntroductionPatchSchema,
    summary: 'Update an introduction request: status (new, in-progress, introduced, declined) and a staff note',
    responses: { 200: { description: 'Updated', schema: IntroductionSchema }, 404: problem('No such request') },
    async handle({ engine, params, body }) {
      return { body: await updateIntroduction(engine, params.id, body) };
    },
  }),
  route({
    method: 'post',
    path: '/api/v1/introductions/{id}/forward',
    tag: 'Introductions',
    role: 'staff',
    params: IntroParams,
    body: IntroductionForwardSchema,
    summary:
      "Forward a request to the company: one mail to its contact address with the visitor's details and message (replies go to the visitor), and the request marked introduced with when and where it went",
    responses: {
      200: { description: 'Forwarded and recorded', schema: IntroductionSchema },
      400: problem('Invalid note'),
      404: problem('No such request'),
      409: problem('The company has no contact e-mail'),
      503: problem('No mailer is configured'),
    },
    async handle({ engine, params, body }) {
      return { body: await forwardIntroduction(engine, params.id, body) };
    },
  }),
];
