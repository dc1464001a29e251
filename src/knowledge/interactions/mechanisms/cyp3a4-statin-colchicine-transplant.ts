import type { MechanismRow } from './mechanism-row';
import { drugs, STRONG_CYP3A4_INDUCER_SET, STRONG_CYP3A4_INHIBITORS } from './pharmacokinetic-sets';
import {
  COLCHICINE_LABEL,
  CYCLOSPORINE_LABEL,
  SIMVASTATIN_LABEL,
  SIROLIMUS_LABEL,
  TACROLIMUS_LABEL,
  VORICONAZOLE_LABEL,
} from './pharmacokinetic-sources';

// CYP3A4 inhibitors and inducers against simvastatin and lovastatin, colchicine and the
// transplant immunosuppressants: severities as each object drug's label words it. Amlodipine with
// simvastatin is left out on purpose: its 20 mg cap is the usual dose, and a card on every such
// pair would be noise.

const TACROLIMUS_TROUGH = { label: 'Order a tacrolimus trough level', loinc: '77348-1', display: 'Tacrolimus [Mass/volume] in Blood --trough' };
const CYCLOSPORINE_TROUGH = { label: 'Order a cyclosporine trough level', loinc: '53828-0', display: 'cycloSPORINE [Mass/volume] in Blood --trough' };

/** Azoles, macrolides and boosted antiretrovirals: the CYP3A4 inhibitors the calcineurin-inhibitor labels name. */
const AZOLES_MACROLIDES = drugs(
  'azole antifungals, macrolides and other CYP3A4 inhibitors',
  'ketoconazole', 'itraconazole', 'voriconazole', 'posaconazole', 'fluconazole', 'clarithromycin', 'erythromycin', 'telithromycin', 'ritonavir', 'cobicistat', 'nefazodone',
);

export const CYP3A4_STATIN_COLCHICINE_TRANSPLANT_ROWS: readonly MechanismRow[] = [
  {
    id: 'mech:cyp3a4:simvastatin-lovastatin-strong-inhibitor',
    group: 'cyp3a4',
    precipitant: drugs('strong CYP3A4 inhibitors and erythromycin', ...STRONG_CYP3A4_INHIBITORS, 'erythromycin'),
    object: drugs('simvastatin or lovastatin', 'simvastatin', 'lovastatin'),
    severity: 'critical',
    effect: 'statin levels rise many-fold: myopathy, rhabdomyolysis',
    mechanism: 'strong CYP3A4 inhibitors block the enzyme that clears simvastatin and lovastatin',
    management: 'Contraindicated; hold the statin during the course. For long-term use switch to pravastatin or rosuvastatin, which CYP3A4 does not clear.',
    source: SIMVASTATIN_LABEL,
  },
  {
    id: 'mech:cyp3a4:simvastatin-cyclosporine-danazol',
    group: 'cyp3a4',
    precipitant: drugs('cyclosporine or danazol', 'cyclosporine', 'danazol'),
    object: drugs('simvastatin', 'simvastatin'),
    severity: 'critical',
    effect: 'simvastatin levels rise: myopathy, rhabdomyolysis',
    mechanism: 'cyclosporine (CYP3A4 and OATP1B1) and danazol raise simvastatin exposure',
    management: 'Contraindicated; use another statin. With cyclosporine the labels allow rosuvastatin up to 5 mg or pravastatin up to 20 mg daily.',
    source: SIMVASTATIN_LABEL,
  },
  {
    id: 'mech:cyp3a4:simvastatin-lovastatin-dose-cap',
    group: 'cyp3a4',
    precipitant: drugs('verapamil, diltiazem, dronedarone, amiodarone or ranolazine', 'verapamil', 'diltiazem', 'dronedarone', 'amiodarone', 'ranolazine'),
    object: drugs('simvastatin or lovastatin', 'simvastatin', 'lovastatin'),
    severity: 'warning',
    effect: 'statin levels rise: myopathy above the dose cap',
    mechanism: 'these drugs moderately inhibit CYP3A4, the enzyme that clears simvastatin and lovastatin',
    management:
      'Keep to the labelled cap or switch statin. Simvastatin: at most 10 mg daily with verapamil, diltiazem or dronedarone, 20 mg with amiodarone or ranolazine; lovastatin: at most 20 mg with verapamil, diltiazem or dronedarone, 40 mg with amiodarone. Pravastatin and rosuvastatin avoid the interaction.',
    source: SIMVASTATIN_LABEL,
  },
  {
    id: 'mech:cyp3a4:colchicine-strong-inhibitor',
    group: 'cyp3a4',
    // The colchicine label's P-gp inhibitors (cyclosporine, ranolazine) carry the same contraindication.
    precipitant: drugs('strong CYP3A4 or P-gp inhibitors', ...STRONG_CYP3A4_INHIBITORS, 'cyclosporine', 'ranolazine'),
    object: drugs('colchicine', 'colchicine'),
    severity: 'warning',
    raisedBy: [
      { when: 'egfr-below-60', severity: 'critical' },
      { when: 'ckd', severity: 'critical' },
    ],
    effect: 'colchicine toxicity, can be fatal',
    mechanism: 'strong CYP3A4 or P-glycoprotein inhibitors block the enzyme and the transporter that clear colchicine',
    management:
      'Contraindicated with kidney or liver impairment; otherwise cut the dose. Without impairment, avoid or lower gout prophylaxis to 0.3 mg once daily and a flare dose to 0.6 mg once, not repeated within 3 days.',
    source: COLCHICINE_LABEL,
  },
  {
    id: 'mech:cyp3a4:colchicine-moderate-inhibitor',
    group: 'cyp3a4',
    precipitant: drugs('moderate CYP3A4 inhibitors', 'diltiazem', 'verapamil', 'fluconazole', 'erythromycin', 'aprepitant', 'fosamprenavir', 'amprenavir'),
    object: drugs('colchicine', 'colchicine'),
    severity: 'warning',
    effect: 'colchicine levels rise: toxicity',
    mechanism: 'moderate CYP3A4 inhibitors slow the enzyme that clears colchicine',
    management: 'Reduce the colchicine dose as the label directs. Gout prophylaxis at most 0.3 mg twice daily or 0.6 mg once daily; a flare 1.2 mg once, not repeated within 3 days.',
    source: COLCHICINE_LABEL,
  },
  {
    id: 'mech:cyp3a4:tacrolimus-inhibitor',
    group: 'cyp3a4',
    precipitant: AZOLES_MACROLIDES,
    object: drugs('tacrolimus', 'tacrolimus'),
    severity: 'warning',
    effect: 'tacrolimus levels rise: nephrotoxicity, neurotoxicity',
    mechanism: 'azoles, macrolides and boosted antiretrovirals inhibit CYP3A4 and P-glycoprotein, which clear tacrolimus',
    management: 'Cut the tacrolimus dose; check troughs. With voriconazole or posaconazole the labels start at one third of the dose; restore it when the inhibitor stops.',
    monitoring: TACROLIMUS_TROUGH,
    source: TACROLIMUS_LABEL,
  },
  {
    id: 'mech:cyp3a4:cyclosporine-inhibitor',
    group: 'cyp3a4',
    precipitant: AZOLES_MACROLIDES,
    object: drugs('cyclosporine', 'cyclosporine'),
    severity: 'warning',
    effect: 'cyclosporine levels rise: nephrotoxicity',
    mechanism: 'azoles, macrolides and boosted antiretrovirals inhibit CYP3A4 and P-glycoprotein, which clear cyclosporine',
    management: 'Check cyclosporine trough levels and adjust the dose. With voriconazole the label halves the cyclosporine dose; restore it when the inhibitor stops.',
    monitoring: CYCLOSPORINE_TROUGH,
    source: CYCLOSPORINE_LABEL,
  },
  {
    id: 'mech:cyp3a4:sirolimus-voriconazole-posaconazole',
    group: 'cyp3a4',
    precipitant: drugs('voriconazole or posaconazole', 'voriconazole', 'posaconazole'),
    object: drugs('sirolimus', 'sirolimus'),
    severity: 'critical',
    effect: 'sirolimus levels rise many-fold',
    mechanism: 'voriconazole and posaconazole strongly inhibit CYP3A4, which clears sirolimus',
    management: 'Contraindicated; choose another antifungal. Otherwise replan immunosuppression with the transplant team.',
    source: VORICONAZOLE_LABEL,
  },
  {
    id: 'mech:cyp3a4:sirolimus-everolimus-strong-inhibitor',
    group: 'cyp3a4',
    precipitant: drugs(
      'strong CYP3A4 and P-gp inhibitors',
      ...STRONG_CYP3A4_INHIBITORS.filter((n) => n !== 'voriconazole' && n !== 'posaconazole'),
      'erythromycin',
    ),
    object: drugs('sirolimus or everolimus', 'sirolimus', 'everolimus'),
    severity: 'warning',
    effect: 'sirolimus or everolimus levels rise',
    mechanism: 'these drugs inhibit CYP3A4 and P-glycoprotein, which clear sirolimus and everolimus',
    management: 'Avoid, or lower the dose and check troughs. Plan it with the transplant team.',
    source: SIROLIMUS_LABEL,
  },
  {
    id: 'mech:cyp3a4:tacrolimus-strong-inducer',
    group: 'cyp3a4',
    precipitant: STRONG_CYP3A4_INDUCER_SET,
    object: drugs('tacrolimus', 'tacrolimus'),
    severity: 'warning',
    effect: 'tacrolimus levels fall: rejection risk',
    mechanism: 'strong CYP3A4 inducers speed up the enzyme that clears tacrolimus',
    management: 'Check trough levels and raise the tacrolimus dose as needed. Levels rise again when the inducer stops: recheck then.',
    monitoring: TACROLIMUS_TROUGH,
    source: TACROLIMUS_LABEL,
  },
  {
    id: 'mech:cyp3a4:cyclosporine-strong-inducer',
    group: 'cyp3a4',
    precipitant: STRONG_CYP3A4_INDUCER_SET,
    object: drugs('cyclosporine', 'cyclosporine'),
    severity: 'warning',
    effect: 'cyclosporine levels fall: rejection risk',
    mechanism: 'strong CYP3A4 inducers speed up the enzyme that clears cyclosporine',
    management: 'Check trough levels and raise the cyclosporine dose as needed. Levels rise again when the inducer stops: recheck then.',
    monitoring: CYCLOSPORINE_TROUGH,
    source: CYCLOSPORINE_LABEL,
  },
];
