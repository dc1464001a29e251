import { randomBytes } from 'node:crypto';

/**
 * What an EHR launch is about: the opaque `launch` value the EHR puts on the app's launch URL
 * stands for this, and the authorization server turns it into the token response's context.
 * https://hl7.org/fhir/smart-app-launch/app-launch.html#launch-app-ehr-launch
 */
export interface LaunchContext {
  patient: string;
  encounter?: string;
  /** The signed-in user, `Practitioner/<id>`: the id_token's `fhirUser`. */
  user: string;
  /** Resources the launch is about beyond patient and encounter (SMART 2.x `fhirContext`). */
  fhirContext?: { reference?: string; type?: string; role?: string }[];
  /** A CDS Hooks smart link's `appContext`, passed through to the token response unchanged. */
  appContext?: string;
}

interface Entry {
  context: LaunchContext;
  expiresAt: number;
}

/** Launch codes the sandbox EHR issued, each valid for `ttlMs` (the app may reload its launch URL meanwhile). */
export class LaunchRegistry {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs = 60 * 60 * 1000,
    private readonly now: () => number = Date.now,
    private readonly maxEntries = 10_000,
  ) {}

  /** A new opaque launch code for `context`. */
  create(context: LaunchContext): string {
    this.evictExpired();
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    const code = randomBytes(18).toString('base64url');
    this.entries.set(code, { context, expiresAt: this.now() + this.ttlMs });
    return code;
  }

  /** The context of a launch code that exists and has not expired. */
  resolve(code: string): LaunchContext | undefined {
    const entry = this.entries.get(code);
    if (entry === undefined || entry.expiresAt <= this.now()) return undefined;
    return entry.context;
  }

  private evictExpired(): void {
    const now = this.now();
    for (const [code, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(code);
  }
}
