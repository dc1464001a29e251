/**
 * The version of the clinical knowledge tables (src/knowledge, src/clinical-codes), carried on every
 * rule card so a finding can be traced to the tables that produced it. Bump it when a table changes.
 */
export const KNOWLEDGE_VERSION = '2026.11.26';
