import { buildBriefCard } from '../../src/cards/brief-card';
import { ruleInputFor } from '../../src/rules/rule-input';
import { patientViewContextSchema } from '../hook-request';
import { briefOptionsFor } from './brief-options';
import { defineService } from './cds-service';
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
  async ({ chart, deadline }, deps) => {
    const asOf = deps.now();
    const { findings } = deps.runRules(ruleInputFor('patient-view', chart, [], asOf));
    // The brief knows the rule cards beside it: no care gaps when the care-gap card is shown.
    const brief = await deps.summarizer.summarize(chart, { ...briefOptionsFor(findings, asOf), deadline });
    const { urgent, info, shown } = ruleCards(findings, deps);
    const briefCard = buildBriefCard(brief, { appLaunchUrl: deps.appLaunchUrl, uuid: deps.newId });
    // What must stop the clinician first, then the brief, then context and gaps.
    return {
      response: { cards: [...urgent, briefCard, ...info] },
      shown: [...shown, { uuid: briefCard.uuid, indicator: briefCard.indicator, knowledge: [], draftRefs: [] }],
    };
  },
);
