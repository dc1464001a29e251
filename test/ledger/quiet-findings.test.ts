import type { PastOverride } from '../../src/ledger/ports';
import { acknowledgement, overrideWindowStart, quietFindings } from '../../src/ledger/quiet-findings';
import type { QuietOptions } from '../../src/ledger/quiet-findings';
import type { Finding, Severity } from '../../src/rules/rule';

// Alert fatigue (issue 12 §4): overrides are honoured, no critical is ever removed or downgraded.

const NOW = new Date('2026-12-05T15:00:00Z');
const DRAFT = 'MedicationRequest/draft-1';
const hoursAgo = (h: number): Date => new Date(NOW.getTime() - h * 3_600_000);
const daysAgo = (d: number): Date => hoursAgo(d * 24);

function finding(severity: Severity, over: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'drug-interaction',
    topic: 'ddi:11289+5640',
    severity,
    summary: 'Ibuprofen + warfarin: major bleeding risk. Consider acetaminophen.',
    detail: 'Warfarin (MedicationRequest/mr-1) with ibuprofen (MedicationRequest/draft-1).',
    evidence: ['MedicationRequest/mr-1', DRAFT],
    source: { label: 'ONC high-priority DDI list' },
    knowledge: ['onc-warfarin-nsaid'],
    ...over,
  };
}

function override(over: Partial<PastOverride> = {}): PastOverride {
  return { ruleId: 'drug-interaction', findingKey: 'ddi:11289+5640', service: 'order-select', draftRefs: [DRAFT], at: hoursAgo(0.1), reason: 'Will monitor', ...over };
}

const sign: QuietOptions = { hook: 'order-sign', now: NOW, quietDays: 30, draftRefs: [DRAFT] };
const view: QuietOptions = { hook: 'patient-view', now: NOW, quietDays: 30, draftRefs: [] };
const viewOverride = (over: Partial<PastOverride> = {}): PastOverride => override({ service: 'patient-view', draftRefs: [], at: daysAgo(10), ...over });

describe('order-sign after an order-select override of the same draft', () => {
  it('keeps a critical card critical and shows the acknowledgement in the summary and the detail first line', () => {
    const [f] = quietFindings([finding('critical')], [override()], sign);
    expect(f?.severity).toBe('critical');
    expect(f?.summary).toBe('Ibuprofen + warfarin: major bleeding risk. Consider acetaminophen. · acknowledged 2026-12-05: Will monitor');
    expect(f?.detail.split('\n')[0]).toBe('**acknowledged 2026-12-05: Will monitor**');
    expect(f?.detail).toContain('Warfarin (MedicationRequest/mr-1)');
  });

  it('turns a warning into info with the acknowledgement', () => {
    const [f] = quietFindings([finding('warning')], [override()], sign);
    expect(f?.severity).toBe('info');
    expect(f?.detail).toMatch(/^\*\*acknowledged 2026-12-05: Will monitor\*\*/);
  });

  it('does nothing for another draft, rule, finding key, a service outside ordering, or an override older than a day', () => {
    const others = [
      override({ draftRefs: ['MedicationRequest/draft-2'] }),
      override({ ruleId: 'beers-criteria' }),
      override({ findingKey: 'ddi:11289+7258' }),
      override({ service: 'patient-view' }),
      override({ at: hoursAgo(25) }),
    ];
    for (const o of others) expect(quietFindings([finding('warning')], [o], sign)[0]?.severity).toBe('warning');
  });

  it('honours an earlier order-sign override of the same draft too', () => {
    expect(quietFindings([finding('warning')], [override({ service: 'order-sign' })], sign)[0]?.severity).toBe('info');
  });

  it('does nothing for a finding about no draft of this call', () => {
    const chartOnly = finding('warning', { evidence: ['MedicationRequest/mr-1', 'MedicationRequest/mr-2'] });
    expect(quietFindings([chartOnly], [override({ draftRefs: ['MedicationRequest/mr-2'] })], sign)[0]?.severity).toBe('warning');
  });

  it('ignores feedback timed after this call (it has no effect on an order-sign already answered)', () => {
    const later = override({ at: new Date(NOW.getTime() + 1000) });
    expect(quietFindings([finding('warning')], [later], sign)[0]).toEqual(finding('warning'));
  });

  it('does not quiet when the fact that set the severity got worse since', () => {
    const fact = (value: number, ref: string): Finding['severityFact'] => ({ code: 'inr', value, ref });
    const worse = finding('warning', { severityFact: fact(4.8, 'Observation/inr-2') });
    expect(quietFindings([worse], [override({ severityFact: fact(4.5, 'Observation/inr-1') })], sign)[0]?.severity).toBe('warning');
    const same = finding('warning', { severityFact: fact(4.5, 'Observation/inr-1') });
    expect(quietFindings([same], [override({ severityFact: fact(4.5, 'Observation/inr-1') })], sign)[0]?.severity).toBe('info');
  });
});

describe('patient-view within OVERRIDE_QUIET_DAYS', () => {
  it('shows an overridden warning as info with the acknowledgement of the newest override', () => {
    const overrides = [viewOverride({ at: daysAgo(20), reason: 'Benefit outweighs risk' }), viewOverride({ at: daysAgo(3), reason: 'Patient already tolerating' })];
    const [f] = quietFindings([finding('warning')], overrides, view);
    expect(f?.severity).toBe('info');
    expect(f?.detail).toContain(`acknowledged ${daysAgo(3).toISOString().slice(0, 10)}: Patient already tolerating`);
  });

  it('honours an override given at an order hook for the same finding key', () => {
    expect(quietFindings([finding('warning')], [override({ at: daysAgo(2) })], view)[0]?.severity).toBe('info');
  });

  it('stops quieting after quietDays, and not at all with quietDays 0', () => {
    expect(quietFindings([finding('warning')], [viewOverride({ at: daysAgo(31) })], view)[0]?.severity).toBe('warning');
    expect(quietFindings([finding('warning')], [viewOverride({ at: daysAgo(1) })], { ...view, quietDays: 0 })[0]?.severity).toBe('warning');
  });

  it('keeps a critical critical, with the acknowledgement', () => {
    const [f] = quietFindings([finding('critical')], [viewOverride()], view);
    expect(f?.severity).toBe('critical');
    expect(f?.summary).toContain('acknowledged');
  });

  it('shows the warning again once the fact got worse (potassium 5.4 then 5.9)', () => {
    const k = (value: number, id: string): Finding['severityFact'] => ({ code: 'potassium', value, unit: 'mmol/L', ref: `Observation/${id}` });
    const past = viewOverride({ severityFact: k(5.4, 'k1') });
    expect(quietFindings([finding('warning', { severityFact: k(5.4, 'k1') })], [past], view)[0]?.severity).toBe('info');
    expect(quietFindings([finding('warning', { severityFact: k(5.2, 'k2') })], [past], view)[0]?.severity).toBe('info');
    const worse = quietFindings([finding('warning', { severityFact: k(5.9, 'k3') })], [past], view)[0];
    expect(worse?.severity).toBe('warning');
    expect(worse?.detail).not.toContain('acknowledged');
  });

  it('adds the acknowledgement to an info finding and leaves findings without an override as they are', () => {
    const other = finding('warning', { topic: 'ddi:1191+5640' });
    const [a, b] = quietFindings([other, finding('info')], [viewOverride()], view);
    expect(a).toEqual(other);
    expect(b?.severity).toBe('info');
    expect(b?.detail).toContain('acknowledged');
  });
});

it('quiets nothing at order-select', () => {
  expect(quietFindings([finding('warning')], [override()], { ...sign, hook: 'order-select' })[0]?.severity).toBe('warning');
});

it('returns the findings unchanged without overrides', () => {
  const findings = [finding('critical'), finding('warning', { topic: 'x' })];
  expect(quietFindings(findings, [], view)).toEqual(findings);
});

it('puts quieted warnings after the info findings, under the info cap; never removes a critical or a warning', () => {
  const infos = [1, 2, 3].map((n) => finding('info', { topic: `gap:${n}`, ruleId: 'care-gaps' }));
  const findings = [finding('critical', { topic: 'ddi:crit' }), finding('warning'), finding('warning', { topic: 'ddi:kept' }), ...infos];
  const out = quietFindings(findings, [viewOverride(), viewOverride({ findingKey: 'ddi:crit' })], view);
  expect(out.map((f) => [f.topic, f.severity])).toEqual([
    ['ddi:crit', 'critical'],
    ['ddi:kept', 'warning'],
    ['gap:1', 'info'],
    ['gap:2', 'info'],
    ['gap:3', 'info'],
  ]);
  const roomy = quietFindings(findings, [viewOverride()], { ...view, maxInfoFindings: 4 });
  expect(roomy.map((f) => f.topic).at(-1)).toBe('ddi:11289+5640');
});

describe('the acknowledgement text', () => {
  it('is "acknowledged DATE: REASON" on one line, the reason clipped and escaped in the markdown detail', () => {
    expect(acknowledgement({ at: NOW, reason: 'Will monitor:\n  INR on Friday' })).toBe('acknowledged 2026-12-05: Will monitor: INR on Friday');
    expect(acknowledgement({ at: NOW, reason: '' })).toBe('acknowledged 2026-12-05');
    expect(acknowledgement({ at: NOW, reason: 'x'.repeat(500) }).length).toBeLessThan(230);
    const [f] = quietFindings([finding('critical')], [override({ reason: 'see [this](http://evil.example) <b>now</b>' })], sign);
    expect(f?.detail.split('\n')[0]).toBe('**acknowledged 2026-12-05: see \\[this\\](http://evil.example) \\<b\\>now\\</b\\>**');
  });

  it('keeps the summary under 140 characters: the date only, or nothing, when the reason does not fit', () => {
    const long = finding('critical', { summary: 'S'.repeat(100) });
    expect(quietFindings([long], [override({ reason: 'R'.repeat(60) })], sign)[0]?.summary).toBe(`${'S'.repeat(100)} · acknowledged 2026-12-05`);
    const longer = finding('critical', { summary: 'S'.repeat(130) });
    expect(quietFindings([longer], [override()], sign)[0]?.summary).toBe('S'.repeat(130));
  });
});

it('reads the history back far enough for both windows', () => {
  expect(overrideWindowStart(NOW, 30)).toEqual(daysAgo(30));
  expect(overrideWindowStart(NOW, 0)).toEqual(daysAgo(1));
});

describe('an override stands only for the same problem', () => {
  it('does not quiet a finding that rests on a knowledge row the overridden card did not (a grouped card gained a pair)', () => {
    const grouped = finding('warning', { topic: 'ddi:standing', knowledge: ['onc-warfarin-nsaid', 'statin-verapamil'] });
    const past = viewOverride({ findingKey: 'ddi:standing', knowledge: ['onc-warfarin-nsaid'] });
    expect(quietFindings([grouped], [past], view)[0]?.severity).toBe('warning');
    expect(quietFindings([grouped], [{ ...past, knowledge: ['statin-verapamil', 'onc-warfarin-nsaid', 'other'] }], view)[0]?.severity).toBe('info');
  });

  it('never quiets a lab-value topic (lab alert, renal dosing) that records no fact to compare', () => {
    for (const topic of ['lab:inr', 'renal:MedicationRequest/mr-1']) {
      const labAlert = finding('warning', { ruleId: 'lab-alert', topic });
      expect(quietFindings([labAlert], [viewOverride({ ruleId: 'lab-alert', findingKey: topic })], view)[0]?.severity).toBe('warning');
    }
    const withFact = finding('warning', { ruleId: 'lab-alert', topic: 'lab:inr', severityFact: { code: 'inr', value: 4.6, ref: 'Observation/inr-1' } });
    const past = viewOverride({ ruleId: 'lab-alert', findingKey: 'lab:inr', severityFact: { code: 'inr', value: 4.6, ref: 'Observation/inr-1' } });
    expect(quietFindings([withFact], [past], view)[0]?.severity).toBe('info');
  });
});
