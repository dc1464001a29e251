import type { KnowledgeSource } from '../knowledge-source';
import type { CrossSensitivityGroup } from './cross-sensitivity-group';
import { AAAAI_2022 } from './cross-sensitivity-group';

// Beta-lactams that share a side chain. Most allergic cross-reactions between penicillins and
// cephalosporins, and among cephalosporins, are directed at the R1 side chain rather than at the
// beta-lactam ring: a drug sharing the culprit's R1 side chain is the one to avoid after a severe
// reaction, while one with a dissimilar side chain (cefazolin's is shared with no other
// beta-lactam) may be given without testing (AAAAI/ACAAI 2022). Carbapenems cross-react
// negligibly and have no row.

// Konvinse, Phillips, White, Trubiano, Curr Opin Infect Dis 2016;29:561-76, Table 4: the beta-lactams
// to avoid after a reaction to each, by shared or similar R1 side chain.
const KONVINSE_2016: KnowledgeSource = {
  label: 'Konvinse et al. 2016, Table 4 (beta-lactams sharing R1 side chains)',
  url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC5113146/',
};

const AAAAI_SIDE_CHAINS: KnowledgeSource = { ...AAAAI_2022, label: `${AAAAI_2022.label} (beta-lactam side chains)` };

const DISSIMILAR = 'a beta-lactam with a dissimilar side chain (e.g. cefazolin, or ceftriaxone for a penicillin or first-generation cephalosporin allergy) or a non-beta-lactam';

export const BETA_LACTAM_SIDE_CHAIN_GROUPS: readonly CrossSensitivityGroup[] = [
  {
    id: 'r1-aminobenzyl',
    members: ['amoxicillin', 'ampicillin', 'cephalexin', 'cefaclor', 'cefadroxil', 'cefprozil'],
    strength: 'shared-structure',
    label: 'same R1 side chain',
    shared: 'Amoxicillin, ampicillin, cephalexin, cefaclor, cefadroxil and cefprozil share an identical or similar (amino-benzyl) R1 side chain, the part of a beta-lactam most allergic reactions are directed at',
    instead: DISSIMILAR,
    source: AAAAI_SIDE_CHAINS,
  },
  {
    id: 'r1-aminothiazolyl-methoxyimino',
    members: ['ceftriaxone', 'cefotaxime', 'cefpodoxime', 'cefepime'],
    strength: 'shared-structure',
    label: 'same R1 side chain',
    shared: 'Ceftriaxone, cefotaxime, cefpodoxime and cefepime share an identical (aminothiazolyl-methoxyimino) R1 side chain, the part most allergic reactions are directed at',
    instead: 'a beta-lactam with a dissimilar side chain (e.g. cefazolin, or a penicillin) or a non-beta-lactam',
    source: AAAAI_SIDE_CHAINS,
  },
  {
    id: 'r1-ceftazidime-aztreonam',
    members: ['ceftazidime', 'aztreonam'],
    strength: 'shared-structure',
    label: 'same R1 side chain',
    shared: 'Ceftazidime and aztreonam share an identical R1 side chain: the only beta-lactam aztreonam cross-reacts with',
    instead: 'a beta-lactam with a dissimilar side chain (e.g. cefepime, or a carbapenem) or a non-beta-lactam',
    source: AAAAI_SIDE_CHAINS,
  },
  {
    id: 'r1-methoxyimino-cefuroxime',
    members: ['cefuroxime', 'ceftriaxone', 'cefotaxime', 'cefepime'],
    strength: 'shared-structure',
    label: 'similar R1 side chain',
    shared: "Cefuroxime's methoxyimino R1 side chain is similar to ceftriaxone's, cefotaxime's and cefepime's",
    instead: DISSIMILAR,
    source: KONVINSE_2016,
  },
  {
    id: 'r1-benzyl',
    members: ['penicillin g', 'penicillin v', 'cefoxitin'],
    strength: 'shared-structure',
    label: 'similar R1 side chain',
    shared: "Cefoxitin's R1 side chain is similar to penicillin G's and V's",
    instead: DISSIMILAR,
    source: KONVINSE_2016,
  },
  {
    id: 'r2-carbamoyloxymethyl',
    members: ['cefuroxime', 'cefoxitin'],
    strength: 'minor',
    label: 'same R2 side chain',
    shared: 'Cefuroxime and cefoxitin share an identical R2 side chain, which rarely causes cross-reactions (their R1 side chains differ)',
    instead: DISSIMILAR,
    source: AAAAI_SIDE_CHAINS,
  },
];
