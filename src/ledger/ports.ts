import type { Coding } from 'fhir/r4';
import type { SeverityFact } from '../rules/rule';

/**
 * What the service keeps after answering: the cards it showed, the feedback on them, an audit row
 * per hook call and app launch, and the overrides the alert-fatigue logic honours. Ports only:
 * the SQL adapters live in store/, in-memory ones in memory-ledger.ts (tests that are not about
 * the store). Patient ids are kept here (access audits need them) and never in the application log.
 */

/** One feedback entry for one card. https://cds-hooks.hl7.org/2.0/#feedback */
export interface FeedbackEntry {
  serviceId: string;
  card: string;
  outcome: 'accepted' | 'overridden';
  acceptedSuggestions?: Array<{ id: string }>;
  overrideReason?: { reason?: Coding; userComment?: string };
  outcomeTimestamp: string;
  /** The EHR that sent it (its JWT `iss`), when calls are signed. */
  clientIss?: string;
}

/** Where card feedback goes: kept against the card it is about, joined when analytics are read. */
export interface FeedbackStore {
  /**
   * Records an entry once it is durably written; a repeat of the same entry (same service, card,
   * outcome and outcome time: EHRs may send feedback twice) is a no-op. Returns whether it was new.
   * Rejects when the store cannot write it (the route answers 503).
   */
  record(entry: FeedbackEntry): Promise<boolean>;
  list(serviceId?: string): Promise<FeedbackEntry[]>;
}

/** One card as it was returned to the EHR. */
export interface ShownCard {
  uuid: string;
  /** The rule behind it; absent for the brief card. */
  ruleId?: string;
  /** `Finding.topic`: the drug pair or finding the card is about (e.g. `ddi:11289+5640`). */
  findingKey?: string;
  indicator: 'info' | 'warning' | 'critical';
  /** Knowledge rows the finding used. */
  knowledge: string[];
  severityFact?: SeverityFact;
  /** Draft order refs in the finding's evidence (`MedicationRequest/draft-1`): which draft it was about. */
  draftRefs: string[];
}

/** The cards of one hook call, with who was shown them. */
export interface CardsShown {
  at: Date;
  service: string;
  hookInstance: string;
  requestId: string;
  clientIss?: string;
  userId?: string;
  patientId: string;
  knowledgeVersion: string;
  cards: ShownCard[];
}

export interface CardLedger {
  recordCards(shown: CardsShown): Promise<void>;
  /** Several calls' cards in one write (one statement, one commit): what write-behind.ts flushes. */
  recordCardsBatch?(shown: readonly CardsShown[]): Promise<void>;
}

/** A finding the clinician overrode for this patient, as the quieting logic needs it. */
export interface PastOverride {
  ruleId: string;
  findingKey: string;
  /** The service the overridden card was shown by (`order-select`, `patient-view`…). */
  service: string;
  draftRefs: string[];
  /** The feedback's `outcomeTimestamp`. */
  at: Date;
  /** The override reason in words (its display, else its code) and the user's comment, if any. */
  reason: string;
  /** The fact that set the overridden card's severity, to tell whether it got worse since. */
  severityFact?: SeverityFact;
  /**
   * The knowledge rows of the overridden card: a finding that now rests on a row the card did not
   * (a new pair joined a grouped card) is a new problem and is not quieted. Absent: not compared.
   */
  knowledge?: string[];
}

export interface OverrideHistory {
  /** Overrides of this patient's findings with an outcome time at or after `since`. */
  overridesFor(patientId: string, since: Date): Promise<PastOverride[]>;
}

/** One audited event: a hook call or an app launch. */
export interface AuditEvent {
  at: Date;
  kind: 'hook' | 'app-launch';
  requestId: string;
  clientIss?: string;
  userId?: string;
  patientId?: string;
  service?: string;
  status: number;
  durationMs: number;
  /** Each section loaded: its state and where it came from (prefetch / fhir / none). */
  sections: Array<{ section: string; state: string; source: string }>;
  /** The cards returned (the app's findings have no uuid), each with its rule. */
  cards: Array<{ uuid?: string; ruleId?: string; indicator: string }>;
  /** The model behind the brief, when one was used. */
  model?: { deployment: string; promptVersion: string; promptHash: string; verified: number; dropped: number };
}

export interface AuditLog {
  record(event: AuditEvent): Promise<void>;
  /** Several events in one write (one statement, one commit): what write-behind.ts flushes. */
  recordBatch?(events: readonly AuditEvent[]): Promise<void>;
  /** Deletes events older than `before`; returns how many. */
  purge(before: Date): Promise<number>;
}

/**
 * Cards shown in a window, counted by rule, knowledge rows, day shown (UTC) and what became of them:
 * each card counts once, under its latest feedback (by outcome time), or `ignored` without any.
 * Feedback is joined to cards when this is read, so feedback that arrived before its card record
 * counts as soon as the card is known. The brief card (no rule) is not counted.
 */
export interface AlertTally {
  ruleId: string;
  knowledgeRows: string[];
  /** `YYYY-MM-DD`, the UTC day the cards were shown. */
  day: string;
  outcome: 'accepted' | 'overridden' | 'ignored';
  /** The override reason's code, for `overridden` cards that gave one. */
  reason?: string;
  cards: number;
}

export interface AlertAnalyticsSource {
  /** Tallies of the cards shown at or after `since` and before `until`. */
  alertTallies(since: Date, until: Date): Promise<AlertTally[]>;
}

/** Everything the service keeps, opened once per process. */
export interface Ledger {
  cards: CardLedger;
  feedback: FeedbackStore;
  /** What the admin page and `npm run report` read (src/ledger/alert-analytics.ts turns it into the answer). */
  analytics: AlertAnalyticsSource;
  overrides: OverrideHistory;
  audit: AuditLog;
  /** False while the store cannot be reached (readiness, feedback 503). */
  healthy(): Promise<boolean>;
  close(): Promise<void>;
}
