import type { FeedbackEntry } from './ports';

/**
 * An override reason in words, as the quieting logic prints it ("acknowledged DATE: REASON"): the
 * reason's display, else its code, then the clinician's comment. One wording for every store.
 */
export function overrideReasonText(reason: FeedbackEntry['overrideReason']): string {
  const coded = reason?.reason?.display ?? reason?.reason?.code;
  const comment = reason?.userComment?.trim();
  return [coded, comment].filter((s): s is string => s !== undefined && s !== '').join(': ') || 'overridden';
}
