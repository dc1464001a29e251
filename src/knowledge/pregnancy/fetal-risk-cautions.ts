import { label, type FetalRiskRow } from './fetal-risk-row';

// Drugs whose label warns of fetal harm without contraindicating them in pregnancy: a new order is
// a warning (review before signing), one already taken is information for the next review.

export const FETAL_RISK_CAUTIONS: readonly FetalRiskRow[] = [
  {
    id: 'pregnancy/topiramate',
    group: 'Topiramate',
    selector: { ingredients: ['topiramate'] },
    draft: 'warning',
    active: 'info',
    risk: 'oral clefts (label warning)',
    advice: 'Topiramate can cause fetal harm: exposure in the first trimester raises the risk of cleft lip and/or palate, and infants are more often small for gestational age. Weigh the benefit against the risk and consider alternatives.',
    source: label('Topiramate (Topamax)', 'topiramate'),
  },
  {
    id: 'pregnancy/carbamazepine',
    group: 'Carbamazepine',
    selector: { ingredients: ['carbamazepine'] },
    draft: 'warning',
    active: 'info',
    risk: 'neural tube defects (label warning)',
    advice: 'Carbamazepine can cause fetal harm (spina bifida and other congenital anomalies). Use in pregnancy only if the benefit justifies the risk; do not stop it abruptly when it prevents seizures.',
    source: label('Carbamazepine (Tegretol)', 'carbamazepine'),
  },
  {
    id: 'pregnancy/phenytoin',
    group: 'Phenytoin',
    selector: { ingredients: ['phenytoin'] },
    draft: 'warning',
    active: 'info',
    risk: 'fetal hydantoin syndrome (label warning)',
    advice: 'Prenatal phenytoin exposure raises the risk of congenital malformations (fetal hydantoin syndrome) and neonatal bleeding. Do not stop it abruptly when it prevents seizures; levels fall in pregnancy.',
    source: label('Phenytoin (Dilantin)', 'phenytoin'),
  },
  {
    // The boxed warning is against misoprostol for NSAID-ulcer prevention in pregnancy; obstetric
    // use (labour induction, termination, postpartum haemorrhage) is intended, so not critical here.
    id: 'pregnancy/misoprostol',
    group: 'Misoprostol',
    selector: { ingredients: ['misoprostol'] },
    draft: 'warning',
    active: 'info',
    risk: 'abortion, birth defects (boxed warning)',
    advice: 'Boxed warning: misoprostol given in pregnancy can cause abortion, premature birth, birth defects or uterine rupture; it must not be used in pregnancy to prevent NSAID ulcers. For an obstetric indication, keep it with that reason.',
    source: label('Misoprostol (Cytotec)', 'misoprostol'),
  },
  {
    id: 'pregnancy/statin',
    group: 'Statin',
    selector: { classes: ['statin'] },
    draft: 'warning',
    active: 'info',
    risk: 'stop in most pregnancies (FDA 2021)',
    advice: 'FDA (2021): statins are no longer contraindicated in pregnancy, but most pregnant patients should stop them; those at very high cardiovascular risk may continue after discussion.',
    source: {
      label: 'FDA Drug Safety Communication: statins in pregnancy (2021)',
      url: 'https://www.fda.gov/drugs/drug-safety-and-availability/fda-requests-removal-strongest-warning-against-using-cholesterol-lowering-statins-during-pregnancy',
    },
  },
  {
    id: 'pregnancy/tetracycline',
    group: 'Tetracycline',
    selector: { ingredients: ['tetracycline', 'doxycycline', 'minocycline', 'demeclocycline'] },
    draft: 'warning',
    active: 'info',
    risk: 'tooth discoloration, bone growth (2nd/3rd trimester)',
    advice: 'Tetracyclines given during tooth development (the second half of pregnancy) cause permanent tooth discoloration and can slow fetal bone growth; avoid them in pregnancy unless no alternative suits.',
    source: label('Doxycycline and other tetracyclines', 'doxycycline'),
  },
  {
    id: 'pregnancy/fluconazole-high-dose',
    group: 'Fluconazole',
    selector: { ingredients: ['fluconazole'] },
    minDailyMg: 400,
    draft: 'warning',
    active: 'info',
    risk: 'birth defects at 400–800 mg/day (FDA 2011)',
    advice:
      'Long-term high doses (400–800 mg/day) in the first trimester are linked to a rare pattern of birth defects (FDA safety communication, 2011); a single 150 mg dose is not. Use in pregnancy only for serious or life-threatening fungal infections.',
    alternatives: 'CDC STI Treatment Guidelines (2021): topical azoles for 7 days for vulvovaginal candidiasis in pregnancy.',
    source: label('Fluconazole (Diflucan)', 'fluconazole'),
  },
];
