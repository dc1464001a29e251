/**
 * How loudly a finding speaks (CDS Hooks card `indicator`): `critical` interrupts, `warning`
 * asks for attention, `info` is context. One scale for every rule and knowledge table.
 */
export type Severity = 'info' | 'warning' | 'critical';
