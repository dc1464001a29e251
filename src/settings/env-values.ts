import { z } from 'zod';
import type { Result } from '../result';
import { err, ok } from '../result';

// Reading settings from environment variables, shared by every module that has its own variables
// (server, model provider, sandbox): one rule for integers and one way to name a bad value.

/** An integer variable: absent or blank → `def`; otherwise an integer from `min` to `max`, or one line naming it. */
export function integerSetting(name: string, raw: string | undefined, def: number, min: number, max: number): Result<number, string> {
  if (raw === undefined || raw.trim() === '') return ok(def);
  const n = Number(raw);
  return Number.isInteger(n) && n >= min && n <= max ? ok(n) : err(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
}

/** {@link integerSetting} as a zod field of an environment schema. */
export function integerEnv(name: string, def: number, min: number, max: number): z.ZodType<number> {
  return z
    .string()
    .optional()
    .transform((v, ctx) => {
      const value = integerSetting(name, v, def, min, max);
      if (value.ok) return value.value;
      ctx.addIssue({ code: 'custom', message: value.error });
      return z.NEVER;
    });
}

/** The first problem of an environment schema's parse, as one line that names the variable. */
export function envErrorLine(error: z.ZodError): string {
  const issue = error.issues[0];
  const name = issue?.path.join('.') ?? 'environment';
  const message = issue?.message ?? 'invalid';
  return message.includes(name) ? message : `${name}: ${message}`;
}
