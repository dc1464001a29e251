import type { AlertReport } from '../src/ledger/alert-analytics';
import { isRetirementCandidate } from '../src/ledger/alert-analytics';

/**
 * The alert analytics as a plain-text table (`npm run report`): one line per rule (retirement
 * candidates marked `*`), its knowledge rows indented beneath, the same figures as `/admin`.
 */

const HEAD = ['Rule', 'Shown', 'Accepted', 'Overridden', 'Ignored', 'Override rate', 'Override reasons'];

function percent(rate: number | null): string {
  return rate === null ? '-' : `${(rate * 100).toFixed(rate > 0 && rate < 0.1 ? 1 : 0)}%`;
}

function reasons(r: Record<string, number>): string {
  const entries = Object.entries(r);
  return entries.length === 0 ? '-' : entries.map(([code, n]) => `${code} (${n})`).join(', ');
}

/** Pads columns: the first left-aligned, the numbers right-aligned, the last as it is. */
function layout(lines: string[][]): string[] {
  const widths = HEAD.map((_h, i) => Math.max(...lines.map((l) => (l[i] ?? '').length)));
  return lines.map((l) =>
    l
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[0] ?? 0) : i === l.length - 1 ? cell : cell.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

export function formatAlertTable(report: AlertReport): string {
  const lines: string[][] = [HEAD];
  for (const rule of report.rules) {
    lines.push([`${rule.ruleId}${isRetirementCandidate(rule) ? ' *' : ''}`, String(rule.shown), String(rule.accepted), String(rule.overridden), String(rule.ignored), percent(rule.overrideRate), reasons(rule.reasons)]);
    for (const row of rule.rows) lines.push([`  ${row.knowledgeRow}`, String(row.shown), String(row.accepted), String(row.overridden), '', '', '']);
  }
  const out = [`Rule cards shown from ${report.since} to ${report.until}`, ''];
  out.push(...(report.rules.length === 0 ? ['No rule cards were shown in this window.'] : layout(lines)));
  if (report.rules.some(isRetirementCandidate)) out.push('', '* retirement candidate: overridden more than 90% of the times it was acted on');
  return `${out.join('\n')}\n`;
}
