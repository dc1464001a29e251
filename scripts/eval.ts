// `npm run eval`: runs every fixture case (fixtures/cases) through the rules and prints, per rule,
// the expected and produced findings with true/false positives and negatives, then totals.
import { caseProblems, loadRuleCases, matches, runCase } from '../test/support/rule-cases';
import { ALL_RULES } from '../src/rules/all-rules';

interface Row {
  expected: number;
  produced: number;
  tp: number;
  fn: number;
  fp: number;
  unlisted: number;
}

const RANK = { info: 0, warning: 1, critical: 2 } as const;

async function main(): Promise<void> {
  const cases = loadRuleCases();
  const rows = new Map<string, Row>(ALL_RULES.map((r) => [r.id, { expected: 0, produced: 0, tp: 0, fn: 0, fp: 0, unlisted: 0 }]));
  const row = (id: string): Row => {
    let r = rows.get(id);
    if (!r) rows.set(id, (r = { expected: 0, produced: 0, tp: 0, fn: 0, fp: 0, unlisted: 0 }));
    return r;
  };
  const failing: string[] = [];
  for (const c of cases) {
    const { run } = await runCase(c);
    const present = c.expect.present ?? [];
    const absent = c.expect.absent ?? [];
    for (const p of present) {
      const r = row(p.rule);
      r.expected++;
      if (run.findings.some((f) => matches(f, p))) r.tp++;
      else r.fn++;
    }
    for (const f of run.findings) {
      const r = row(f.ruleId);
      r.produced++;
      const forbidden = absent.some((p) => matches(f, p)) || (c.expect.maxSeverity !== undefined && RANK[f.severity] > RANK[c.expect.maxSeverity]);
      if (forbidden) r.fp++;
      else if (!present.some((p) => matches(f, p))) r.unlisted++;
    }
    if (caseProblems(c, run.findings).length > 0) failing.push(c.name);
  }
  const header = ['rule', 'expected', 'produced', 'TP', 'FN', 'FP', 'unlisted'];
  const body = [...rows.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([id, r]) => [id, r.expected, r.produced, r.tp, r.fn, r.fp, r.unlisted].map(String));
  const total = [...rows.values()].reduce((t, r) => ({ expected: t.expected + r.expected, produced: t.produced + r.produced, tp: t.tp + r.tp, fn: t.fn + r.fn, fp: t.fp + r.fp, unlisted: t.unlisted + r.unlisted }), { expected: 0, produced: 0, tp: 0, fn: 0, fp: 0, unlisted: 0 });
  body.push(['TOTAL', total.expected, total.produced, total.tp, total.fn, total.fp, total.unlisted].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  process.stdout.write(`${cases.length} fixture cases, ${ALL_RULES.length} rules. TP/FN: expected findings found/missed; FP: forbidden findings produced (absent or above maxSeverity); unlisted: produced but not named by the case.\n`);
  process.stdout.write(`${line(header)}\n${body.map(line).join('\n')}\n`);
  process.stdout.write(failing.length === 0 ? 'All cases pass.\n' : `Cases with problems: ${failing.join(', ')}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`eval failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
