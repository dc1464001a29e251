import { z } from 'zod';
import type { Result } from '../../result';
import { err, ok } from '../../result';
import type { ModelFailure } from './chat-model';

/** The most statements read from one answer; more are dropped and counted. */
export const MAX_STATEMENTS = 40;

const statementSchema = z.object({
  section: z.string(),
  text: z.string(),
  evidence: z.array(z.string()),
});

const answerSchema = z.object({ statements: z.array(statementSchema) });

export type ModelStatement = z.infer<typeof statementSchema>;
export type ModelAnswer = z.infer<typeof answerSchema>;

/** The model's answer text → unknown JSON → checked shape; nothing is trusted before the check. */
export function parseModelAnswer(content: string): Result<ModelAnswer, ModelFailure> {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    return err({ kind: 'invalid-json' });
  }
  const parsed = answerSchema.safeParse(json);
  return parsed.success ? ok(parsed.data) : err({ kind: 'invalid-answer' });
}
