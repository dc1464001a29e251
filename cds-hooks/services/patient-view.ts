import { buildBriefCard } from '../../src/cards/brief-card';
import { quietFindings } from '../../src/ledger/quiet-findings';
import { ruleInputFor } from '../../src/rules/rule-input';
import { modelUsed } from '../hook-audit';
import { patientViewContextSchema } from '../hook-request';
import { briefOptionsFor } from './brief-options';
import { defineService } from './cds-service';
import { readOverrides } from './past-overrides';
import { PATIENT_VIEW_SECTIONS } from './prefetch-templates';
import { ruleCards } from './rule-cards';

// https://cds-hooks.org/hooks/patient-view/
export const patientViewService = defineService(
  {
    hook: 'patient-view',
    id: 'patient-view',
    title: 'ChartBrief: chart brief',
    description:
      'A short, cited brief of the open chart (active problems, medications, allergies, latest key labs and vitals) with a link to the full brief in the ChartBrief app, plus critical lab alerts, medication cautions and care gaps.',
  },
  PATIENT_VIEW_SECTIONS,
  patientViewContextSchema,
  async ({ context, chart, deadline }, deps) => {
    const asOf = deps.now();
    // Read while the rules run (the ledger keys cards by context.patientId, which the chart's Patient matches).
    const overrides = readOverrides(deps, context.patientId, asOf, deadline);
    const ruled = deps.runRules(ruleInputFor('patient-view', chart, [], asOf)).findings;
    // What the clinician acknowledged recently is shown at most as info (issue 12 §4).
    const findings = quietFindings(ruled, await overrides, { hook: 'patient-view', now: asOf, quietDays: deps.overrideQuietDays, draftRefs: [] });
    // The brief knows the rule cards beside it: no care gaps when the care-gap card is shown.
    const brief = await deps.summarizer.summarize(chart, { ...briefOptionsFor(findings, asOf), deadline });
    const { urgent, info, shown } = ruleCards(findings, deps);
    const briefCard = buildBriefCard(brief, { appLaunchUrl: deps.appLaunchUrl, uuid: deps.newId });
    // What must stop the clinician first, then the brief, then context and gaps.
    const model = modelUsed(brief.provenance);
    return {
      response: { cards: [...urgent, briefCard, ...info] },
      shown: [...shown, { uuid: briefCard.uuid, indicator: briefCard.indicator, knowledge: [], draftRefs: [] }],
      ...(model !== undefined && { model }),
    };
  },
);
