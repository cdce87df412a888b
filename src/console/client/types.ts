// The shapes the console reads from the API (see /api/v1/openapi.json): the domain's own types
// where the API answers them as they are, the rest as the API shapes them.
import type { components, operations } from '../../api/generated/openapi-types';

export type {
  Cluster,
  Company,
  EventParticipant as Participant,
  Feedback,
  FeedbackKind,
  FeedbackVerdict as Verdict,
  Introduction,
  MatchEvent,
  Meeting,
  NetworkStats,
  Opportunity,
  PublicCompany,
} from '../../domain/index';

// The rest as the API shapes them: taken from the types generated out of the OpenAPI document
// (scripts/generate-api-types.ts), so the console reads what the document says the API answers.
type Schemas = components['schemas'];
type JsonAnswer<O extends keyof operations> = operations[O]['responses'] extends { 200: { content: { 'application/json': infer B } } } ? B : never;

export type PartnerResult = Schemas['PartnerResponse']['results'][number];
export type OpportunityResult = Schemas['OpportunityResponse']['results'][number];
/** What every ranked result says beside its entity. */
export type Scored = Pick<PartnerResult, 'score' | 'relevance' | 'strength' | 'scores' | 'reasons'>;
export type Vocabulary = JsonAnswer<'getVocabulary'>;
export type Agenda = Schemas['Agenda'];
export type AgendaMeeting = Agenda['meetings'][number];
export type Ref = AgendaMeeting['a'];
export type ImportJob = Schemas['ImportJob'];
/** An introduction request as listed: with the name of the company asked for. */
export type ListedIntroduction = Schemas['ListedIntroduction'];
