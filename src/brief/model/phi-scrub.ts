import type { Patient } from 'fhir/r4';

/**
 * PHI minimisation of free text on its way to a model. The prompt never carries the Patient's
 * name, identifiers, telecom, address or id as fields (./chart-lines.ts renders age and sex
 * only); free text (notes, names typed by a clinician) could still quote them, so every quoted
 * string is scrubbed of this patient's own values and of anything shaped like an SSN, phone
 * number or e-mail address. HIPAA Safe Harbor list: 45 CFR 164.514(b)(2)(i).
 */

export const REDACTED = '[redacted]';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function strings(values: readonly unknown[]): string[] {
  return values.filter((v): v is string => typeof v === 'string').map((v) => v.trim()).filter((v) => v.length >= 2);
}

/** This patient's identifying values: names, identifiers, telecom, address parts, birth date and id. */
export function identifyingValues(patient: Patient): string[] {
  const names = [...(patient.name ?? []), ...(patient.contact ?? []).flatMap((c) => (c.name ? [c.name] : []))];
  const nameParts = names.flatMap((n) => [...(n.given ?? []), n.family, ...(n.text ?? '').split(/\s+/)]);
  const addresses = [...(patient.address ?? []), ...(patient.contact ?? []).flatMap((c) => (c.address ? [c.address] : []))];
  const addressParts = addresses.flatMap((a) => [...(a.line ?? []), a.city, a.district, a.postalCode, a.text]);
  const telecom = [...(patient.telecom ?? []), ...(patient.contact ?? []).flatMap((c) => c.telecom ?? [])].map((t) => t.value);
  const identifiers = (patient.identifier ?? []).map((i) => i.value);
  const values = strings([...nameParts, ...addressParts, ...telecom, ...identifiers, patient.birthDate, patient.id]);
  // Longest first, so "Smith-Jones" is removed whole before "Smith".
  return [...new Set(values)].sort((a, b) => b.length - a.length);
}

// Shapes of identifiers in any free text, whoever they belong to.
const GENERIC: readonly RegExp[] = [
  /\b\d{3}-\d{2}-\d{4}\b/g, // US SSN
  /(?<![\p{L}\p{N}])(?:\+?1[-.\s]?)?\(?\d{3}\)?[-.\s]\d{3}[-.\s]\d{4}(?![\p{N}])/gu, // phone
  /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu, // e-mail
];

/** A function that removes this patient's identifying values (whole words, any case) from a text. */
export function phiScrubberFor(patient: Patient): (text: string) => string {
  const values = identifyingValues(patient);
  const own = values.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${values.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu') : undefined;
  return (text) => {
    let out = own ? text.replace(own, REDACTED) : text;
    for (const pattern of GENERIC) out = out.replace(pattern, REDACTED);
    return out;
  };
}
