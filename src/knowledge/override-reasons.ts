import type { Coding } from 'fhir/r4';

// A short, stable list of override reasons so feedback analytics can count them (cards.md).
// https://cds-hooks.hl7.org/2.0/#overridereasons — codings with `display`.
const SYSTEM = 'https://chartbrief.example.org/fhir/CodeSystem/override-reason';

export const OVERRIDE_REASONS: readonly Coding[] = [
  { system: SYSTEM, code: 'benefit-outweighs-risk', display: 'Benefit outweighs risk' },
  { system: SYSTEM, code: 'already-tolerating', display: 'Patient already tolerating' },
  { system: SYSTEM, code: 'will-monitor', display: 'Will monitor' },
  { system: SYSTEM, code: 'not-relevant', display: 'Not clinically relevant' },
];
