// `npm run eval`: runs every fixture case (fixtures/cases) through the rules and prints, per rule
// and per mechanism group, the expected and produced findings with recall and false alarms.
import { caseProblems, loadRuleCases, matches, runCase } from '../test/support/rule-cases';
import type { RuleCase } from '../test/support/rule-cases';
import type { Finding } from '../src/rules/rule';
import { ALL_RULES } from '../src/rules/all-rules';

interface Row {
  cases: number;
  expected: number;
  produced: number;
  tp: number;
  fn: number;
  fp: number;
  unlisted: number;
}

const RANK = { info: 0, warning: 1, critical: 2 } as const;
const empty = (): Row => ({ cases: 0, expected: 0, produced: 0, tp: 0, fn: 0, fp: 0, unlisted: 0 });

/** Forbidden: named by `absent`, or above the case's `maxSeverity`. */
function forbidden(c: RuleCase, f: Finding): boolean {
  return (c.expect.absent ?? []).some((p) => matches(f, p)) || (c.expect.maxSeverity !== undefined && RANK[f.severity] > RANK[c.expect.maxSeverity]);
}

function tally(rows: Map<string, Row>, key: string): Row {
  let r = rows.get(key);
  if (!r) rows.set(key, (r = empty()));
  return r;
}

function table(title: string, rows: Map<string, Row>): string {
  const header = [title, 'cases', 'expected', 'produced', 'TP', 'FN', 'FP', 'unlisted', 'recall'];
  const total = [...rows.values()].reduce((t, r) => ({ cases: t.cases + r.cases, expected: t.expected + r.expected, produced: t.produced + r.produced, tp: t.tp + r.tp, fn: t.fn + r.fn, fp: t.fp + r.fp, unlisted: t.unlisted + r.unlisted }), empty());
  const recall = (r: Row): string => (r.expected === 0 ? '-' : `${Math.round((100 * r.tp) / r.expected)}%`);
  const line = (id: string, r: Row): string[] => [id, r.cases, r.expected, r.produced, r.tp, r.fn, r.fp, r.unlisted].map(String).concat(recall(r));
  const body = [...rows.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([id, r]) => line(id, r));
  body.push(line('TOTAL', total));
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const fmt = (cells: string[]): string => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  return `${fmt(header)}\n${body.map(fmt).join('\n')}\n`;
}

async function main(): Promise<void> {
  const cases = loadRuleCases();
  const byRule = new Map<string, Row>(ALL_RULES.map((r) => [r.id, empty()]));
  const byMechanism = new Map<string, Row>();
  const failing: string[] = [];
  for (const c of cases) {
    const { run } = await runCase(c);
    const present = c.expect.present ?? [];
    const mechanism = c.mechanism === undefined ? undefined : tally(byMechanism, c.mechanism);
    if (mechanism) mechanism.cases++;
    const rulesOfCase = new Set([...present.map((p) => p.rule), ...run.findings.map((f) => f.ruleId)]);
    for (const id of rulesOfCase) tally(byRule, id).cases++;
    for (const p of present) {
      const found = run.findings.some((f) => matches(f, p));
      for (const r of [tally(byRule, p.rule), mechanism]) {
        if (!r) continue;
        r.expected++;
        if (found) r.tp++;
        else r.fn++;
      }
    }
    for (const f of run.findings) {
      const bad = forbidden(c, f);
      const listed = present.some((p) => matches(f, p));
      for (const r of [tally(byRule, f.ruleId), mechanism]) {
        if (!r) continue;
        r.produced++;
        if (bad) r.fp++;
        else if (!listed) r.unlisted++;
      }
    }
    if (caseProblems(c, run.findings).length > 0) failing.push(c.name);
  }
  process.stdout.write(
    `${cases.length} fixture cases, ${ALL_RULES.length} rules. TP/FN: expected findings found/missed (recall = TP / expected); FP: false alarms (a forbidden finding, or one above the case's maxSeverity); unlisted: produced but not named by the case.\n\n`,
  );
  process.stdout.write(table('rule', byRule));
  process.stdout.write(`\nBy mechanism group (cases that name one; each must-catch case has a quiet control in its group):\n`);
  process.stdout.write(table('mechanism', byMechanism));
  process.stdout.write(failing.length === 0 ? '\nAll cases pass.\n' : `\nCases with problems: ${failing.join(', ')}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`eval failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
