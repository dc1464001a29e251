import type { FhirResource } from 'fhir/r4';
import type { ResourceReader } from '../../launch/context-names';
import { readContextNames } from '../../launch/context-names';

// The footer's names: the signed-in user and the encounter by name, read from the EHR; the id stays when they cannot be read.

function reader(resources: FhirResource[], asked: string[] = []): ResourceReader {
  return (ref) => {
    asked.push(ref);
    return Promise.resolve(resources.find((r) => `${r.resourceType}/${r.id ?? ''}` === ref));
  };
}

const encounter: FhirResource = {
  resourceType: 'Encounter',
  id: 'e1',
  status: 'finished',
  class: { code: 'AMB' },
  type: [{ text: 'General examination of patient (procedure)' }],
  period: { start: '2024-05-02T09:00:00Z' },
};

it('names a Practitioner, Patient or RelatedPerson user by their name, and the encounter by its type and date', async () => {
  const people: FhirResource[] = [
    { resourceType: 'Practitioner', id: 'u1', name: [{ given: ['Sam'], family: 'Sandbox', prefix: ['Dr.'] }] },
    { resourceType: 'Patient', id: 'p1', name: [{ text: 'Ada Tester' }] },
    { resourceType: 'RelatedPerson', id: 'r1', patient: { reference: 'Patient/p1' }, name: [{ given: ['Bo'], family: 'Carer' }] },
    encounter,
  ];
  expect(await readContextNames({ userRef: 'Practitioner/u1', encounterId: 'e1' }, reader(people))).toEqual({ user: 'Sam Sandbox', encounter: 'General examination of patient (procedure) · 2024-05-02' });
  expect(await readContextNames({ userRef: 'Patient/p1' }, reader(people))).toEqual({ user: 'Ada Tester' });
  expect(await readContextNames({ userRef: 'RelatedPerson/r1' }, reader(people))).toEqual({ user: 'Bo Carer' });
});

it('names a PractitionerRole by its practitioner: the display it carries, else the Practitioner read', async () => {
  const withDisplay: FhirResource = { resourceType: 'PractitionerRole', id: 'role1', practitioner: { reference: 'Practitioner/u2', display: 'Dr. Jo Role' } };
  const withReference: FhirResource = { resourceType: 'PractitionerRole', id: 'role2', practitioner: { reference: 'Practitioner/u2' } };
  const practitioner: FhirResource = { resourceType: 'Practitioner', id: 'u2', name: [{ given: ['Jo'], family: 'Role' }] };
  expect(await readContextNames({ userRef: 'PractitionerRole/role1' }, reader([withDisplay]))).toEqual({ user: 'Dr. Jo Role' });
  expect(await readContextNames({ userRef: 'PractitionerRole/role2' }, reader([withReference, practitioner]))).toEqual({ user: 'Jo Role' });
  expect(await readContextNames({ userRef: 'PractitionerRole/role2' }, reader([withReference]))).toEqual({});
});

it('leaves a name out (the page shows the id) when the resource cannot be read, has no name, or the read fails', async () => {
  const asked: string[] = [];
  expect(await readContextNames({ userRef: 'Practitioner/gone', encounterId: 'gone' }, reader([], asked))).toEqual({});
  expect(asked.sort()).toEqual(['Encounter/gone', 'Practitioner/gone']);
  expect(await readContextNames({ userRef: 'Practitioner/u3' }, reader([{ resourceType: 'Practitioner', id: 'u3' }]))).toEqual({});
  expect(await readContextNames({ userRef: 'Practitioner/u1', encounterId: 'e1' }, () => Promise.reject(new Error('network')))).toEqual({});
  expect(await readContextNames({}, reader([encounter]))).toEqual({});
});
