import { hookAuditEvent, modelUsed } from '../../cds-hooks/hook-audit';

// The audit row of a hook call, built from what the router knows (no HTTP here).

const AT = new Date('2026-12-05T10:00:00Z');

describe('the model an audit row names', () => {
  it('is none for the embedded summary', () => {
    expect(modelUsed({ provider: 'embedded' })).toBeUndefined();
  });

  it('names the deployment (else the provider), the prompt version and hash, and the statement counts', () => {
    expect(modelUsed({ provider: 'azure-openai', model: 'gpt-4o', promptVersion: 'chart-brief.v1', promptHash: 'h', verified: 9, dropped: 1 })).toEqual({
      deployment: 'gpt-4o',
      promptVersion: 'chart-brief.v1',
      promptHash: 'h',
      verified: 9,
      dropped: 1,
    });
    expect(modelUsed({ provider: 'openai-compatible' })).toEqual({ deployment: 'openai-compatible', promptVersion: '', promptHash: '', verified: 0, dropped: 0 });
  });
});

describe('an error answer', () => {
  const call = { at: AT, requestId: 'r', service: 'patient-view', status: 400, durationMs: 3 };

  it('is audited with the patient and user the request claimed', () => {
    expect(hookAuditEvent({ ...call, clientIss: 'https://ehr.example.org', body: { context: { patientId: 'p-1', userId: 'Practitioner/u' } } })).toEqual({
      at: AT,
      kind: 'hook',
      requestId: 'r',
      service: 'patient-view',
      patientId: 'p-1',
      userId: 'Practitioner/u',
      clientIss: 'https://ehr.example.org',
      status: 400,
      durationMs: 3,
      sections: [],
      cards: [],
    });
  });

  it.each([[undefined], ['text'], [{}], [{ context: null }], [{ context: {} }], [{ context: { patientId: 7 } }], [{ context: { patientId: '' } }]])('is not audited when it names no patient (%j)', (body) => {
    expect(hookAuditEvent({ ...call, body })).toBeUndefined();
  });
});
