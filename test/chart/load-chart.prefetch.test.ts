import { CHART_SECTIONS } from '../../src/chart/chart-sections';
import { loadChart } from '../../src/chart/chart-loader';
import { fixturePatient, loadFixtureBundle, prefetchFromBundle } from '../support/synthea';
import { OTHER, PID, chartOf, condition, operationOutcome, patient, searchset, sectionOf } from './chart-test-data';

// loadChart from prefetch alone (no fhirServer): https://cds-hooks.hl7.org/2.0/#prefetch-template

describe('prefetch keys', () => {
  it('a Synthea patient prefetched in full loads every section from prefetch, without a request', async () => {
    const fixture = fixturePatient('Ali_Herman');
    const loaded = chartOf(await loadChart({ patientId: fixture.patientId, prefetch: prefetchFromBundle(loadFixtureBundle(fixture.file)) }));
    for (const name of CHART_SECTIONS) expect(sectionOf(loaded, name)).toEqual({ section: name, state: 'complete', source: 'prefetch' });
    const { chart } = loaded;
    expect(chart.patient.id).toBe(fixture.patientId);
    expect(chart.conditions).toHaveLength(fixture.resourceTypeCounts['Condition'] ?? -1);
    expect(chart.medicationRequests.map((m) => m.status)).toEqual(fixture.activeMedications.map(() => 'active'));
    expect(chart.medications.map((m) => m.codings[0]?.code).sort()).toEqual(fixture.activeMedications.map((m) => m.rxnorm).sort());
    expect(chart.allergies).toHaveLength(fixture.allergies.length);
    expect(chart.observations.length).toBeGreaterThan(200);
    expect(loaded.stats.skipped).toBe(0);
    expect(loaded.stats.fhirRequests).toBe(0);
  });

  it('a missing key without a fhirServer leaves its section missing (source none)', async () => {
    const loaded = chartOf(await loadChart({ patientId: PID, prefetch: { patient: patient() } }));
    expect(sectionOf(loaded, 'conditions')).toEqual({ section: 'conditions', state: 'missing', source: 'none', reason: 'not prefetched and no fhirServer' });
    expect(loaded.chart.unavailableSections().map((s) => s.section)).toEqual(CHART_SECTIONS.filter((s) => s !== 'patient'));
  });

  it('a null key is a complete, empty section: the EHR found nothing', async () => {
    const loaded = chartOf(await loadChart({ patientId: PID, prefetch: { patient: patient(), conditions: null } }));
    expect(sectionOf(loaded, 'conditions')).toEqual({ section: 'conditions', state: 'complete', source: 'prefetch' });
    expect(loaded.chart.conditions).toEqual([]);
  });

  it('an OperationOutcome key without a fhirServer marks its section failed, not empty', async () => {
    const loaded = chartOf(await loadChart({ patientId: PID, prefetch: { patient: patient(), allergies: operationOutcome } }));
    expect(sectionOf(loaded, 'allergies')).toMatchObject({ state: 'failed', source: 'prefetch' });
    expect(sectionOf(loaded, 'allergies').reason).toMatch(/OperationOutcome/);
  });

  it('no prefetch and no fhirServer: the patient is unavailable', async () => {
    const result = await loadChart({ patientId: PID });
    expect(result).toMatchObject({ ok: false, error: { kind: 'patient-unavailable' } });
  });

  it('a prefetched Patient that is an OperationOutcome, with nothing to fall back on, is unavailable', async () => {
    const result = await loadChart({ patientId: PID, prefetch: { patient: operationOutcome, conditions: searchset(condition('c1')) } });
    expect(result).toMatchObject({ ok: false, error: { kind: 'patient-unavailable' } });
  });

  it('a paged prefetch without a fhirServer keeps the first page and marks the section truncated', async () => {
    const paged = { ...searchset(condition('c1')), link: [{ relation: 'next', url: 'https://ehr.example/fhir/Condition?page=2' }] };
    const loaded = chartOf(await loadChart({ patientId: PID, prefetch: { patient: patient(), conditions: paged } }));
    expect(loaded.chart.conditions.map((c) => c.id)).toEqual(['c1']);
    expect(sectionOf(loaded, 'conditions')).toMatchObject({ state: 'complete', source: 'prefetch', truncated: true });
    expect(loaded.chart.incompleteSections().map((s) => s.section)).toContain('conditions');
  });
});

describe('wrong-patient data', () => {
  it('a prefetch Patient of another id is refused, naming prefetch.patient', async () => {
    const result = await loadChart({ patientId: PID, prefetch: { patient: patient(OTHER), conditions: searchset(condition('c1')) } });
    expect(result).toEqual({ ok: false, error: { kind: 'patient-mismatch', reason: expect.any(String) as string, field: 'prefetch.patient', source: 'prefetch' } });
  });

  it('resources about another patient, or about no provable patient, are dropped and counted', async () => {
    // The Patient as a transaction-style entry, so `urn:uuid` subjects can be resolved through its fullUrl.
    const patientBundle = { resourceType: 'Bundle', type: 'collection', entry: [{ fullUrl: 'urn:uuid:pppp', resource: patient() }] };
    const conditions = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { resource: condition('mine') },
        { resource: condition('absolute', `https://ehr.example/fhir/Patient/${PID}`) },
        { resource: condition('other-ehr', `https://other-ehr.example.org/fhir/Patient/${PID}`) },
        { fullUrl: 'urn:uuid:aaaa', resource: condition('by-urn', 'urn:uuid:pppp') },
        { resource: condition('theirs', `Patient/${OTHER}`) },
        { resource: condition('nobody', null) },
        { resource: condition('unknown-urn', 'urn:uuid:nowhere') },
      ],
    };
    const loaded = chartOf(await loadChart({ patientId: PID, prefetch: { patient: patientBundle, conditions } }));
    // No fhirServer: an absolute reference has no base to be ours on, even with the same id.
    expect(loaded.chart.conditions.map((c) => c.id).sort()).toEqual(['by-urn', 'mine']);
    expect(loaded.stats.skips.otherPatient).toBe(5);
    expect(loaded.chart.has('Condition/theirs')).toBe(false);
  });
});

describe('garbage in prefetch', () => {
  it('malformed entries, wrong types and outcome entries are skipped and counted, never fatal', async () => {
    const conditions = {
      resourceType: 'Bundle',
      type: 'searchset',
      entry: [
        42,
        'text',
        null,
        {},
        { resource: 'not a resource' },
        { resource: { resourceType: 'Condition' } },
        { resource: { ...condition('bad-code'), code: 'Hypertension' } },
        { resource: { resourceType: 'Procedure', id: 'proc-1', subject: { reference: `Patient/${PID}` } } },
        { search: { mode: 'outcome' }, resource: operationOutcome },
        { resource: condition('good') },
      ],
    };
    const loaded = chartOf(await loadChart({ patientId: PID, prefetch: { patient: patient(), conditions, procedures: { resourceType: 'Bundle', type: 'history', entry: [] } } }));
    expect(loaded.chart.conditions.map((c) => c.id)).toEqual(['good']);
    expect(loaded.stats.skips).toEqual({ malformed: 8, wrongType: 1, outcomes: 1, otherPatient: 0, unreferencedMedications: 0 });
    expect(loaded.chart.skipped).toBe(10);
  });

  it('accepts searchset, collection, transaction and batch-response bundles', async () => {
    const bundle = (type: string, id: string): unknown => ({ resourceType: 'Bundle', type, entry: [{ resource: condition(id) }] });
    const batchResponse = { resourceType: 'Bundle', type: 'batch-response', entry: [{ resource: bundle('searchset', 'nested') }] };
    for (const [type, prefetch] of [
      ['searchset', bundle('searchset', 'c')],
      ['collection', bundle('collection', 'c')],
      ['transaction', bundle('transaction', 'c')],
      ['batch-response', batchResponse],
    ] as const) {
      const loaded = chartOf(await loadChart({ patientId: PID, prefetch: { patient: patient(), conditions: prefetch } }));
      expect({ type, count: loaded.chart.conditions.length, skipped: loaded.stats.skipped }).toEqual({ type, count: 1, skipped: 0 });
    }
  });
});

describe('medication requests', () => {
  const request = (id: string, medication: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    resourceType: 'MedicationRequest',
    id,
    status: 'active',
    intent: 'order',
    subject: { reference: `Patient/${PID}` },
    ...medication,
    ...extra,
  });
  const rxnorm = (code: string, display: string): Record<string, unknown> => ({ coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code, display }] });

  it('resolves codeable, bundled, urn-referenced, contained (Epic "#med1") and text-only orders', async () => {
    const medications = {
      resourceType: 'Bundle',
      type: 'searchset',
      entry: [
        { resource: request('codeable', { medicationCodeableConcept: rxnorm('197361', 'Amlodipine 5 MG Oral Tablet') }) },
        { resource: request('bundled', { medicationReference: { reference: 'Medication/med-w' } }) },
        { resource: { resourceType: 'Medication', id: 'med-w', code: rxnorm('855332', 'Warfarin Sodium 5 MG Oral Tablet') }, search: { mode: 'include' } },
        { resource: request('by-urn', { medicationReference: { reference: 'urn:uuid:m-urn' } }) },
        { fullUrl: 'urn:uuid:m-urn', resource: { resourceType: 'Medication', id: 'med-u', code: rxnorm('860975', 'Metformin 500 MG') } },
        {
          resource: request('contained', { medicationReference: { reference: '#med1' } }, {
            contained: [{ resourceType: 'Medication', id: 'med1', code: rxnorm('310965', 'Ibuprofen 200 MG Oral Tablet') }],
          }),
        },
        { resource: request('text-only', { medicationCodeableConcept: { text: 'Fish oil capsules' } }) },
        { resource: request('dangling', { medicationReference: { reference: 'Medication/gone', display: 'Something unreadable' } }) },
        { resource: { resourceType: 'Medication', id: 'orphan', code: rxnorm('1', 'Nobody orders this') } },
      ],
    };
    const loaded = chartOf(await loadChart({ patientId: PID, prefetch: { patient: patient(), medications } }));
    const byId = new Map(loaded.chart.medications.map((m) => [m.request.id, m]));
    expect(byId.get('codeable')).toMatchObject({ display: 'Amlodipine 5 MG Oral Tablet', resolved: true, codings: [{ code: '197361' }] });
    expect(byId.get('bundled')).toMatchObject({ display: 'Warfarin Sodium 5 MG Oral Tablet', medicationRef: 'Medication/med-w', resolved: true });
    expect(byId.get('by-urn')).toMatchObject({ display: 'Metformin 500 MG', medicationRef: 'Medication/med-u', resolved: true });
    expect(byId.get('contained')).toMatchObject({ display: 'Ibuprofen 200 MG Oral Tablet', medicationRef: 'Medication/contained-med1', resolved: true });
    expect(loaded.chart.containerOf('Medication/contained-med1')).toBe('MedicationRequest/contained');
    expect(byId.get('text-only')).toMatchObject({ display: 'Fish oil capsules', codings: [], resolved: true });
    expect(byId.get('dangling')).toMatchObject({ display: 'Something unreadable', resolved: false });
    expect(loaded.chart.has('Medication/orphan')).toBe(false);
    expect(loaded.stats.skips.unreferencedMedications).toBe(1);
  });
});

describe('prefetch keys ChartBrief did not advertise', () => {
  it('a Patient under its own key (the spec example\'s "patientToGreet") is summarized, not refused', async () => {
    const loaded = chartOf(await loadChart({ patientId: '1288992', prefetch: { patientToGreet: { resourceType: 'Patient', gender: 'male', birthDate: '1925-12-23', id: '1288992', active: true } } }));
    expect(loaded.chart.patient.id).toBe('1288992');
    expect(sectionOf(loaded, 'patient')).toEqual({ section: 'patient', state: 'complete', source: 'prefetch' });
  });

  it('a Patient of another id under such a key is refused, naming that key', async () => {
    const result = await loadChart({ patientId: PID, prefetch: { patientToGreet: patient(OTHER) } });
    expect(result).toMatchObject({ ok: false, error: { kind: 'patient-mismatch', field: 'prefetch.patientToGreet' } });
  });

  it('their resources go to the section of their type, through the wrong-patient guard, marked partial', async () => {
    const orders = searchset(
      { resourceType: 'MedicationRequest', id: 'rx-1', status: 'active', intent: 'order', medicationCodeableConcept: { text: 'Metformin 500 mg tablet' }, subject: { reference: `Patient/${PID}` } },
      { resourceType: 'MedicationRequest', id: 'rx-2', status: 'active', intent: 'order', medicationCodeableConcept: { text: 'Warfarin' }, subject: { reference: `Patient/${OTHER}` } },
      { resourceType: 'Observation', id: 'bp', status: 'final', code: { text: 'BP' }, category: [{ coding: [{ code: 'vital-signs' }] }], subject: { reference: `Patient/${PID}` } },
      { resourceType: 'Claim', id: 'claim-1' },
    );
    const loaded = chartOf(await loadChart({ patientId: PID, prefetch: { patient: patient(), orders } }));
    expect(loaded.chart.medicationRequests.map((m) => m.id)).toEqual(['rx-1']);
    expect(loaded.chart.observations.map((o) => o.id)).toEqual(['bp']);
    expect(sectionOf(loaded, 'medications')).toMatchObject({ state: 'complete', source: 'prefetch', truncated: true });
    expect(sectionOf(loaded, 'vitals')).toMatchObject({ state: 'complete', truncated: true });
    expect(sectionOf(loaded, 'labs')).toMatchObject({ state: 'missing' });
    expect(loaded.stats.skips).toMatchObject({ otherPatient: 1, wrongType: 1 });
  });

  it('social-history and survey Observations (pregnancy, smoking status) reach the chart, under their own keys or others', async () => {
    const observation = (id: string, category: string, loinc: string): Record<string, unknown> => ({
      resourceType: 'Observation',
      id,
      status: 'final',
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: category }] }],
      code: { coding: [{ system: 'http://loinc.org', code: loinc }] },
      subject: { reference: `Patient/${PID}` },
    });
    const advertised = chartOf(
      await loadChart({ patientId: PID, prefetch: { patient: patient(), socialHistory: searchset(observation('ps', 'social-history', '82810-3')), surveys: searchset(observation('smk', 'survey', '72166-2')) } }),
    );
    expect(advertised.chart.observations.map((o) => o.id).sort()).toEqual(['ps', 'smk']);
    expect(sectionOf(advertised, 'socialHistory')).toEqual({ section: 'socialHistory', state: 'complete', source: 'prefetch' });
    expect(sectionOf(advertised, 'surveys')).toEqual({ section: 'surveys', state: 'complete', source: 'prefetch' });
    const other = chartOf(await loadChart({ patientId: PID, prefetch: { patient: patient(), status: searchset(observation('ps', 'social-history', '82810-3'), observation('smk', 'survey', '72166-2')) } }));
    expect(sectionOf(other, 'socialHistory')).toMatchObject({ state: 'complete', truncated: true });
    expect(sectionOf(other, 'surveys')).toMatchObject({ state: 'complete', truncated: true });
    expect(sectionOf(other, 'labs')).toMatchObject({ state: 'missing' });
  });

  it('the advertised key stays authoritative when both carry a section', async () => {
    const loaded = chartOf(
      await loadChart({
        patientId: PID,
        prefetch: { patient: patient(), conditions: searchset(condition('advertised')), problems: searchset(condition('extra')), someone: patient(OTHER) },
      }),
    );
    expect(loaded.chart.conditions.map((c) => c.id)).toEqual(['advertised']);
    expect(loaded.chart.patient.id).toBe(PID);
  });
});
