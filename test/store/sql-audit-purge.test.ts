import { retentionCutoff, startAuditPurge } from '../../store/audit-purge';

// The daily audit purge: once at start-up, then on an unref'd timer; a failure is logged without
// PHI and tried again at the next run.

const NOW = new Date('2026-12-05T12:00:00Z');

function recorder(): { lines: Array<{ level: string; fields: object; msg: string }>; log: { info: (f: object, m: string) => void; warn: (f: object, m: string) => void } } {
  const lines: Array<{ level: string; fields: object; msg: string }> = [];
  return { lines, log: { info: (fields, msg) => void lines.push({ level: 'info', fields, msg }), warn: (fields, msg) => void lines.push({ level: 'warn', fields, msg }) } };
}

it('deletes before now minus the retention', () => {
  expect(retentionCutoff(NOW, 2190).toISOString()).toBe('2020-12-06T12:00:00.000Z');
});

it('runs at start and again on its interval, with the cut-off each time', async () => {
  const cutoffs: Date[] = [];
  const { log } = recorder();
  let calls = 0;
  const second = new Promise<void>((resolve) => {
    const purge = startAuditPurge({
      audit: {
        purge: (before) => {
          cutoffs.push(before);
          if (++calls === 2) {
            purge.stop();
            resolve();
          }
          return Promise.resolve(0);
        },
      },
      retentionDays: 1,
      now: () => NOW,
      log,
      intervalMs: 5,
    });
  });
  await second;
  expect(cutoffs.map((d) => d.toISOString())).toEqual(['2026-12-04T12:00:00.000Z', '2026-12-04T12:00:00.000Z']);
});

it('logs a failure with the error class only (a driver message may quote values) and resolves undefined', async () => {
  const { lines, log } = recorder();
  const purge = startAuditPurge({ audit: { purge: () => Promise.reject(new TypeError('delete … where patient_id = pat-1')) }, retentionDays: 30, now: () => NOW, log });
  purge.stop();
  expect(await purge.first).toBeUndefined();
  expect(lines).toEqual([{ level: 'warn', fields: { error: 'TypeError' }, msg: 'audit purge failed; it runs again tomorrow' }]);
  expect(JSON.stringify(lines)).not.toContain('pat-1');
});
