import { buildBriefCard } from '../../src/cards/brief-card';
import { patientViewContextSchema } from '../hook-request';
import { defineService } from './cds-service';
import { prefetchFor } from './prefetch-templates';

// https://cds-hooks.org/hooks/patient-view/
export const patientViewService = defineService(
  {
    hook: 'patient-view',
    id: 'patient-view',
    title: 'ChartBrief: chart brief',
    description:
      'A short, cited brief of the open chart (active problems, medications, allergies, latest key labs and vitals), with a link to the full brief and trends in the ChartBrief app.',
    prefetch: prefetchFor(['patient', 'conditions', 'medications', 'allergies', 'labs', 'vitals', 'immunizations', 'procedures', 'encounters']),
  },
  patientViewContextSchema,
  async ({ chart }, deps) => {
    const brief = await deps.summarizer.summarize(chart, { asOf: deps.now() });
    return { cards: [buildBriefCard(brief, { appLaunchUrl: deps.appLaunchUrl, uuid: deps.newId })] };
  },
);
