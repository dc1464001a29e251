import { z } from 'zod';
import type { FeedbackEntry } from '../src/ledger/ports';
import type { Result } from '../src/result';
import { err, ok } from '../src/result';
import type { FieldIssue } from './hook-request';
import { fieldIssues } from './hook-request';

// https://cds-hooks.hl7.org/2.0/#feedback
const coding = z.looseObject({ code: z.string().min(1), system: z.string().optional(), display: z.string().optional() });

const feedbackSchema = z.looseObject({
  feedback: z
    .array(
      z.looseObject({
        card: z.string().min(1),
        outcome: z.enum(['accepted', 'overridden']),
        acceptedSuggestions: z.array(z.looseObject({ id: z.string().min(1) })).optional(),
        overrideReason: z.looseObject({ reason: coding.optional(), userComment: z.string().optional() }).optional(),
        outcomeTimestamp: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' }),
      })
      // CDS Hooks 2.0: acceptedSuggestions is "Required for accepted outcomes".
      .refine((f) => f.outcome !== 'accepted' || (f.acceptedSuggestions !== undefined && f.acceptedSuggestions.length > 0), {
        path: ['acceptedSuggestions'],
        message: 'is required when the outcome is "accepted" (the suggestions the user accepted)',
      }),
    )
    .min(1, 'must hold at least one entry'),
});

/** Validates a feedback body into entries for the store; `clientIss` is the EHR that signed the call. */
export function parseFeedback(serviceId: string, body: unknown, clientIss?: string): Result<FeedbackEntry[], FieldIssue[]> {
  const parsed = feedbackSchema.safeParse(body);
  if (!parsed.success) return err(fieldIssues(parsed.error));
  return ok(
    parsed.data.feedback.map((f) => {
      const entry: FeedbackEntry = { serviceId, card: f.card, outcome: f.outcome, outcomeTimestamp: f.outcomeTimestamp };
      if (clientIss !== undefined) entry.clientIss = clientIss;
      if (f.acceptedSuggestions) entry.acceptedSuggestions = f.acceptedSuggestions.map((s) => ({ id: s.id }));
      if (f.overrideReason) {
        entry.overrideReason = {};
        if (f.overrideReason.reason) entry.overrideReason.reason = { ...f.overrideReason.reason };
        if (f.overrideReason.userComment !== undefined) entry.overrideReason.userComment = f.overrideReason.userComment;
      }
      return entry;
    }),
  );
}
