import type { RunningSandbox } from '../../support/start-sandbox';
import { startSandbox } from '../../support/start-sandbox';

/**
 * The service with the sandbox EHR, as test/support/start-sandbox.ts starts it, plus a clock the
 * test moves (token expiry) and the service's environment (SMART_*, MODEL_*).
 */

export interface AppSandbox extends RunningSandbox {
  clock: TestClock;
}

export class TestClock {
  private offsetMs = 0;
  now = (): Date => new Date(Date.now() + this.offsetMs);
  advance(ms: number): void {
    this.offsetMs += ms;
  }
  reset(): void {
    this.offsetMs = 0;
  }
}

export async function startAppSandbox(env: Record<string, string> = {}): Promise<AppSandbox> {
  const clock = new TestClock();
  return { ...(await startSandbox(env, { now: clock.now })), clock };
}
