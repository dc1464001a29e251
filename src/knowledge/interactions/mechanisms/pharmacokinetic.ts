import { CYP2C9_2C19_2D6_1A2_ROWS } from './cyp2c9-2c19-2d6-1a2';
import { CYP3A4_CARDIAC_ANTITHROMBOTIC_CNS_ROWS } from './cyp3a4-cardiac-antithrombotic-cns';
import { CYP3A4_STATIN_COLCHICINE_TRANSPLANT_ROWS } from './cyp3a4-statin-colchicine-transplant';
import type { MechanismRow } from './mechanism-row';
import { REDUCED_EXPOSURE_ROWS } from './reduced-exposure';
import { TRANSPORT_RENAL_XANTHINE_OXIDASE_ROWS } from './transport-renal-xanthine-oxidase';

// Pharmacokinetic interactions: one drug changes how much of the other reaches its target, by
// inhibiting or inducing a CYP enzyme or a transporter, slowing renal clearance or blocking
// xanthine oxidase. The FDA table names the candidate precipitants; each row's severity is what the
// object drug's label says (contraindicated → critical, avoid or cap the dose → warning, adjust or
// monitor → warning or info), never a blanket crossing of every inhibitor with every substrate.

/** Every pharmacokinetic mechanism row (CYP3A4, CYP2C9, CYP2C19, CYP2D6, CYP1A2, P-gp, renal clearance, xanthine oxidase, reduced exposure). */
export const PHARMACOKINETIC_ROWS: readonly MechanismRow[] = [
  ...CYP3A4_STATIN_COLCHICINE_TRANSPLANT_ROWS,
  ...CYP3A4_CARDIAC_ANTITHROMBOTIC_CNS_ROWS,
  ...CYP2C9_2C19_2D6_1A2_ROWS,
  ...TRANSPORT_RENAL_XANTHINE_OXIDASE_ROWS,
  ...REDUCED_EXPOSURE_ROWS,
];
