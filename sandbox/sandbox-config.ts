import { z } from 'zod';
import type { Result } from '../src/result';
import { err, ok } from '../src/result';
import { envErrorLine, integerEnv } from '../src/settings/env-values';

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
  SANDBOX_PORT: integerEnv('SANDBOX_PORT', 3001, 0, 65535),
  SANDBOX_QUIRKS: z.enum(['none', 'epic'], { error: 'SANDBOX_QUIRKS must be "none" or "epic"' }).optional().default('none'),
  SMART_CLIENT_ID: z.string().trim().min(1, 'SMART_CLIENT_ID must not be empty').optional().default('chartbrief'),
});

/** Reads the sandbox's variables; a bad value is one line naming the variable. */
export function loadSandboxConfig(env: NodeJS.ProcessEnv): Result<SandboxConfig, string> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    return err(envErrorLine(parsed.error));
  }
  return ok({ port: parsed.data.SANDBOX_PORT, quirks: parsed.data.SANDBOX_QUIRKS, smartClientId: parsed.data.SMART_CLIENT_ID });
}
