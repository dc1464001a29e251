import { z } from 'zod';
import type { Bundle, FhirResource } from 'fhir/r4';

// The request shapes of CDS Hooks 2.0, checked at the boundary; the schema is the type.
// https://cds-hooks.hl7.org/2.0/#http-request

const nonEmpty = z.string().trim().min(1, 'must not be empty');

/** https://cds-hooks.hl7.org/2.0/#passing-the-access-token-to-the-cds-service */
export const fhirAuthorizationSchema = z.looseObject({
  access_token: nonEmpty,
  token_type: z.string().regex(/^bearer$/i, 'must be "Bearer"'),
  expires_in: z.number().nonnegative().optional(),
  scope: z.string().optional(),
  subject: z.string().optional(),
  patient: z.string().optional(),
});

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

export const hookRequestSchema = z
  .looseObject({
    hook: nonEmpty,
    hookInstance: nonEmpty,
    fhirServer: httpUrl.optional(),
    fhirAuthorization: fhirAuthorizationSchema.optional(),
    context: z.looseObject({}),
    prefetch: z.record(z.string(), z.unknown()).optional(),
  })
  .superRefine((req, ctx) => {
    if (req.fhirAuthorization && !req.fhirServer) {
      ctx.addIssue({ code: 'custom', path: ['fhirServer'], message: 'is required when fhirAuthorization is given' });
    }
  });

export type HookRequest = z.infer<typeof hookRequestSchema>;

/** A FHIR Bundle as far as we rely on it: `resourceType` and an optional `entry` array. */
const bundleSchema = z
  .looseObject({
    resourceType: z.unknown(),
    entry: z.array(z.looseObject({ resource: z.looseObject({ resourceType: z.string() }).optional() })).optional(),
  })
  // Refined on the whole object so the error names `context.draftOrders`, not its `resourceType`.
  .refine((b) => b.resourceType === 'Bundle', 'must be a FHIR Bundle');

const patientContext = {
  patientId: nonEmpty,
  // Required by the spec, but some EHR test harnesses omit it; when present it must be a string.
  userId: z.string().optional(),
  encounterId: z.string().optional(),
};

// https://cds-hooks.org/hooks/patient-view/
export const patientViewContextSchema = z.looseObject({ ...patientContext });
// https://cds-hooks.org/hooks/order-select/
export const orderSelectContextSchema = z.looseObject({
  ...patientContext,
  selections: z.array(z.string()).optional(),
  draftOrders: bundleSchema,
});
// https://cds-hooks.org/hooks/order-sign/
export const orderSignContextSchema = z.looseObject({ ...patientContext, draftOrders: bundleSchema });

export type PatientViewContext = z.infer<typeof patientViewContextSchema>;
export type OrderContext = z.infer<typeof orderSignContextSchema> & { selections?: string[] };

/** The validated draft orders, typed as the R4 Bundle the EHR sent. */
export function draftOrdersBundle(context: OrderContext): Bundle<FhirResource> {
  return context.draftOrders as unknown as Bundle<FhirResource>;
}

export interface FieldIssue {
  path: string;
  message: string;
}

/** Turns zod issues into field-named messages ("context.patientId: is required"). */
export function fieldIssues(error: z.ZodError, prefix: string[] = []): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = [...prefix, ...issue.path.map(String)].join('.') || '(body)';
    const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
    return { path, message: missing ? 'is required' : issue.message };
  });
}
