import { fdaLabelSection } from '../../drugs/drug-sources';
import type { MechanismRow } from './mechanism-row';

// Interactions that lower the object drug's level below its effective range by a mechanism that is
// neither a CYP enzyme nor a transporter the FDA table lists.

const MEROPENEM_LABEL = fdaLabelSection('Meropenem (Merrem)', 'Drug Interactions 7.2 (valproic acid: co-administration generally not recommended)', 'meropenem');

export const REDUCED_EXPOSURE_ROWS: readonly MechanismRow[] = [
  {
    id: 'mech:reduced-exposure:carbapenem-valproate',
    group: 'reduced-exposure',
    precipitant: { label: 'carbapenems', classes: ['carbapenem'] },
    object: { label: 'valproate', ingredients: ['valproate'] },
    severity: 'warning',
    effect: 'valproate levels fall within a day: breakthrough seizures',
    mechanism: 'carbapenems block the hydrolysis of valproate glucuronide back to valproate, so levels drop below the therapeutic range and a higher valproate dose does not restore them',
    management: 'Choose a non-carbapenem antibiotic. If a carbapenem is needed, add another anticonvulsant and check valproate levels often.',
    source: MEROPENEM_LABEL,
  },
];
