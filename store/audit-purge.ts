import type { AuditLog } from '../src/ledger/ports';

// Audit retention (AUDIT_RETENTION_DAYS, default 2190 days ≈ 6 years, the HIPAA documentation
// period): once at start-up, then daily, events older than the retention are deleted. The timer
// is unref'd: it never keeps the process alive, and stop() ends it at shutdown.

const DAY_MS = 86_400_000;

export interface AuditPurgeLog {
  info(fields: object, msg: string): void;
  warn(fields: object, msg: string): void;
}

export interface AuditPurgeOptions {
  audit: Pick<AuditLog, 'purge'>;
  retentionDays: number;
  now: () => Date;
  log: AuditPurgeLog;
  /** Between two purges (default a day). */
  intervalMs?: number;
}

export interface AuditPurge {
  /** The purge run at start-up: how many events it deleted (undefined when it failed, which is logged). */
  readonly first: Promise<number | undefined>;
  /** Runs one purge now. */
  runOnce(): Promise<number | undefined>;
  stop(): void;
}

/** The oldest time kept: `now` minus the retention. */
export function retentionCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * DAY_MS);
}

/** Starts the daily purge (and runs it once now). */
export function startAuditPurge(options: AuditPurgeOptions): AuditPurge {
  const runOnce = async (): Promise<number | undefined> => {
    const before = retentionCutoff(options.now(), options.retentionDays);
    try {
      const purged = await options.audit.purge(before);
      options.log.info({ purged, before: before.toISOString(), retentionDays: options.retentionDays }, 'audit events past retention purged');
      return purged;
    } catch (e) {
      // The error's class only: a driver message may quote the statement's values.
      options.log.warn({ error: e instanceof Error ? e.name : 'unknown' }, 'audit purge failed; it runs again tomorrow');
      return undefined;
    }
  };
  const timer = setInterval(() => void runOnce(), options.intervalMs ?? DAY_MS);
  timer.unref();
  return { first: runOnce(), runOnce, stop: () => clearInterval(timer) };
}
