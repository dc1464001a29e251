import type { KnowledgeSource } from '../knowledge-source';
import { ACIP_INFLUENZA_2024, ACIP_PNEUMOCOCCAL_2024 } from './care-gap-sources';
import { CVX, type OrderCode } from './code-sets';
import { SNOMED_CT } from '../../clinical-codes/code-systems';

// ACIP 2024 adult immunization recommendations as data: the CVX codes that count for each vaccine
// (CDC CVX list, checked 2025-09) and the schedule the rule applies.

/** CDC CVX code list. https://www2a.cdc.gov/vaccines/iis/iisstandards/vaccines.asp?rpt=cvx */
export const CDC_CVX: KnowledgeSource = {
  label: 'CDC CVX vaccine codes',
  url: 'https://www2a.cdc.gov/vaccines/iis/iisstandards/vaccines.asp?rpt=cvx',
};

export interface InfluenzaSchedule {
  id: 'influenza';
  title: string;
  short: string;
  /** ACIP: everyone 6 months and older, every season. */
  minAgeMonths: number;
  /** The season starts on this month/day (Northern Hemisphere; vaccine ships from August). */
  seasonStartMonth: number;
  seasonStartDay: number;
  /**
   * Seasonal influenza vaccines, Northern Hemisphere formulations (VSAC "Influenza Vaccine",
   * 2.16.840.1.113883.3.526.3.1254, plus the newer trivalent and LAIV codes): 88 unspecified,
   * 15, 16, 111, 135, 140, 141, 144, 149, 150, 151, 153, 155, 158, 161, 166, 168, 171, 185, 186,
   * 197, 205, 320, 333. Southern Hemisphere, pandemic H1N1 and avian vaccines are left out.
   */
  cvx: readonly string[];
  order: OrderCode;
  source: KnowledgeSource;
}

export const INFLUENZA: InfluenzaSchedule = {
  id: 'influenza',
  title: 'Influenza vaccine',
  short: 'flu vaccine',
  minAgeMonths: 6,
  seasonStartMonth: 8,
  seasonStartDay: 1,
  cvx: ['88', '15', '16', '111', '135', '140', '141', '144', '149', '150', '151', '153', '155', '158', '161', '166', '168', '171', '185', '186', '197', '205', '320', '333'],
  // SNOMED 86198006 administration of vaccine product containing only influenza virus antigen.
  order: { system: SNOMED_CT, code: '86198006', display: 'Administration of vaccine product containing only Influenza virus antigen (procedure)', text: 'Influenza vaccine (this season)' },
  source: ACIP_INFLUENZA_2024,
};

/** What a pneumococcal dose counts as in the ACIP 2024 adult schedule. */
export type PneumococcalProduct = 'pcv20' | 'pcv21' | 'pcv15' | 'pcv13' | 'ppsv23' | 'pcv7' | 'unspecified';

export interface PneumococcalProductRow {
  product: PneumococcalProduct;
  label: string;
  cvx: readonly string[];
  source: KnowledgeSource;
}

/** CVX codes per product (CDC CVX list). */
export const PNEUMOCOCCAL_PRODUCTS: readonly PneumococcalProductRow[] = [
  { product: 'pcv20', label: 'PCV20', cvx: ['216'], source: CDC_CVX },
  { product: 'pcv21', label: 'PCV21', cvx: ['327'], source: CDC_CVX },
  { product: 'pcv15', label: 'PCV15', cvx: ['215'], source: CDC_CVX },
  { product: 'pcv13', label: 'PCV13', cvx: ['133'], source: CDC_CVX },
  { product: 'ppsv23', label: 'PPSV23', cvx: ['33'], source: CDC_CVX },
  // PCV7 (100) and PCV10 (177): ACIP counts adults who had only these as having had no PCV.
  { product: 'pcv7', label: 'PCV7/PCV10', cvx: ['100', '177'], source: CDC_CVX },
  // 109 pneumococcal, unspecified; 152 pneumococcal conjugate, unspecified: the series cannot be judged.
  { product: 'unspecified', label: 'pneumococcal vaccine (unspecified)', cvx: ['109', '152'], source: CDC_CVX },
];

/**
 * ACIP 2024 (adults ≥ 50, October 2024): one dose of PCV20 or PCV21, or PCV15 followed by PPSV23
 * (≥ 1 year later). After PCV13 and/or PPSV23 only: PCV20 or PCV21 ≥ 1 year after the last dose,
 * ≥ 5 years when both were given; PCV13 + PPSV23 with PPSV23 at ≥ 65 is complete (a further dose is
 * shared decision-making, not a gap).
 */
export const PNEUMOCOCCAL_SCHEDULE = {
  id: 'pneumococcal',
  title: 'Pneumococcal vaccine',
  short: 'pneumococcal vaccine',
  minAge: 50,
  /** Months after a PCV15, PCV13 or PPSV23 dose before the next dose is due. */
  afterSingleDoseMonths: 12,
  /** Months after the last of PCV13 + PPSV23 (PPSV23 before 65) before PCV20/PCV21. */
  afterBothMonths: 60,
  /** PPSV23 at or after this age completes a PCV13 + PPSV23 series. */
  ppsv23CompletesAtAge: 65,
  order: { system: CVX, code: '152', display: 'Pneumococcal Conjugate, unspecified formulation', text: 'Pneumococcal conjugate vaccine (PCV20 or PCV21)' } satisfies OrderCode,
  orderPpsv23: { system: CVX, code: '33', display: 'pneumococcal polysaccharide PPV23', text: 'PPSV23 (completes PCV15 series)' } satisfies OrderCode,
  source: ACIP_PNEUMOCOCCAL_2024,
} as const;
