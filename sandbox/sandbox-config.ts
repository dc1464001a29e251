import { z } from 'zod';
import type { Result } from '../src/result';
import { err, ok } from '../src/result';

// The sandbox EHR's own settings, read only when the sandbox runs (development, SANDBOX not off).

export interface SandboxConfig {
  /** Port of the sandbox EHR's FHIR server and SMART authorization server (0: any free port). */
  port: number;
  /** Epic-like FHIR and token quirks from the start (the sandbox page can switch them too). */
  quirks: 'none' | 'epic';
  /** The client id the SMART app is registered under at the sandbox's authorization server. */
  smartClientId: string;
}

const schema = z.object({
  SANDBOX_PORT: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return 3001;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 65535) {
        ctx.addIssue({ code: 'custom', message: `SANDBOX_PORT must be an integer from 0 to 65535, got "${v}"` });
        return z.NEVER;
      }
      return n;
    }),
  SANDBOX_QUIRKS: z.enum(['none', 'epic'], { error: 'SANDBOX_QUIRKS must be "none" or "epic"' }).optional().default('none'),
  SMART_CLIENT_ID: z.string().trim().min(1, 'SMART_CLIENT_ID must not be empty').optional().default('chartbrief'),
});

/** Reads the sandbox's variables; a bad value is one line naming the variable. */
export function loadSandboxConfig(env: NodeJS.ProcessEnv): Result<SandboxConfig, string> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join('.') ?? 'environment';
    const message = issue?.message ?? 'invalid';
    return err(message.includes(name) ? message : `${name}: ${message}`);
  }
  return ok({ port: parsed.data.SANDBOX_PORT, quirks: parsed.data.SANDBOX_QUIRKS, smartClientId: parsed.data.SMART_CLIENT_ID });
}
