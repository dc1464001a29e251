import type { ZodType } from 'zod';
import type { Chart } from '../../src/chart/chart';
import type { Summarizer } from '../../src/brief/summarizer';
import type { RuleInput } from '../../src/rules/rule';
import type { RuleRun } from '../../src/rules/run-rules';
import type { CdsResponse, CdsServiceDefinition } from '../../src/cds/cds-types';
import type { SectionName } from '../../src/chart/chart-sections';
import type { Deadline } from '../../src/deadline';
import type { AuditEvent, OverrideHistory, ShownCard } from '../../src/ledger/ports';
import type { Result } from '../../src/result';
import { err, ok } from '../../src/result';
import type { FieldIssue, HookRequest } from '../hook-request';
import { fieldIssues } from '../hook-request';
import { prefetchFor } from './prefetch-templates';

/** What a hook handler needs besides the request: injected, so tests run it as production does. */
export interface HookDeps {
  summarizer: Summarizer;
  /** The SMART launch URL for smart links (`${PUBLIC_URL}/launch`). */
  appLaunchUrl: string;
  now: () => Date;
  newId: () => string;
  /** Runs the enabled clinical rules (RULES_DISABLED applied). */
  runRules: (input: RuleInput) => RuleRun;
  /** Printed on every rule card, so a finding can be traced to the knowledge tables behind it. */
  knowledgeVersion: string;
  /** The patient's past overrides, which quiet what a clinician already acknowledged (issue 12 §4). */
  overrides: OverrideHistory;
  /** OVERRIDE_QUIET_DAYS. */
  overrideQuietDays: number;
  /** The override history could not be read in time (`late`) or at all: the hook answers unquieted. Log without PHI. */
  onOverridesUnavailable?: (why: 'failed' | 'late', error?: unknown) => void;
}

/** One validated hook call: the request, its context parsed by the service's schema, and the chart. */
export interface HookCall<C> {
  request: HookRequest;
  context: C;
  chart: Chart;
  /** What is left of the hook's time: the model wait fits inside it. */
  deadline: Deadline;
}

/** A service's answer: the cards, and what each was made from (rule, finding, knowledge), for the card ledger. */
export interface ServiceAnswer {
  response: CdsResponse;
  shown: ShownCard[];
  /** The model behind the brief card, when one wrote it (for the audit trail). */
  model?: AuditEvent['model'];
}

/** A hook call whose context is valid, ready to run once the chart is loaded. */
export interface PreparedCall {
  patientId: string;
  /** `context.userId`, when the EHR sent it. */
  userId?: string;
  run(chart: Chart, deps: HookDeps, deadline: Deadline): Promise<ServiceAnswer>;
}

/** A CDS service: its discovery entry, and how to validate and answer its hook. Never touches HTTP. */
export interface CdsService {
  definition: CdsServiceDefinition;
  /**
   * Every chart section the service reads, and nothing else (minimum necessary): its discovery
   * prefetch templates and what the FHIR fallback may read are both this list.
   */
  sections: readonly SectionName[];
  prepare(request: HookRequest): Result<PreparedCall, FieldIssue[]>;
}

/**
 * Builds a service from its definition, the chart sections it reads (which become its prefetch
 * templates), the schema of its hook's context, and a handler.
 */
export function defineService<C extends { patientId: string; userId?: string | undefined }>(
  entry: Omit<CdsServiceDefinition, 'prefetch'>,
  sections: readonly SectionName[],
  contextSchema: ZodType<C>,
  handle: (call: HookCall<C>, deps: HookDeps) => Promise<ServiceAnswer>,
): CdsService {
  const definition: CdsServiceDefinition = { ...entry, prefetch: prefetchFor(sections) };
  return {
    definition,
    sections,
    prepare(request) {
      if (request.hook !== definition.hook) {
        return err([{ path: 'hook', message: `service "${definition.id}" answers the "${definition.hook}" hook, not "${request.hook}"` }]);
      }
      const parsed = contextSchema.safeParse(request.context);
      if (!parsed.success) return err(fieldIssues(parsed.error, ['context']));
      const context = parsed.data;
      return ok({
        patientId: context.patientId,
        ...(context.userId !== undefined && { userId: context.userId }),
        run: (chart, deps, deadline) => handle({ request, context, chart, deadline }, deps),
      });
    },
  };
}
