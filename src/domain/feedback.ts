// Staff judgments of suggestions: "good" or "wrong" for one candidate shown to one company. They
// are a second source of relevance judgments beside the curated dev set (see `npm run eval`).
import { z } from 'zod';
import { IdSchema, plainText } from './schemas.js';

export const FEEDBACK_KINDS = ['partner', 'opportunity'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

export const FEEDBACK_VERDICTS = ['good', 'wrong'] as const;
export type FeedbackVerdict = (typeof FEEDBACK_VERDICTS)[number];

export const FeedbackInputSchema = z.strictObject({
  kind: z.enum(FEEDBACK_KINDS),
  /** The suggested company (kind `partner`) or opportunity (kind `opportunity`). */
  candidateId: IdSchema,
  verdict: z.enum(FEEDBACK_VERDICTS),
  /** The match score shown when the suggestion was judged. */
  score: z.number().min(0).max(1).optional(),
  note: plainText(1000).optional(),
});

/** A verdict as sent, once parsed. */
export type FeedbackInput = z.output<typeof FeedbackInputSchema>;

export interface Feedback {
  id: string;
  /** The company the suggestion was made for. */
  companyId: string;
  kind: FeedbackKind;
  candidateId: string;
  verdict: FeedbackVerdict;
  score: number | null;
  note: string | null;
  /** The staff key that judged last. */
  keyId: string | null;
  createdAt: string;
  updatedAt: string;
}
