import { fhirContextItems, grantedTokenFrom, needPatientBanner } from '../../launch/launch-context';
import { smartStyleFrom } from '../../launch/smart-style';

// The token response, read as unknown JSON: Epic's string "false", context shapes, what is refused.

const base = { access_token: 'at', token_type: 'Bearer', scope: 'launch patient/*.rs', patient: 'p1' };

it('need_patient_banner: boolean per the spec, or the string "false" (Epic); anything else keeps the banner', () => {
  expect(needPatientBanner(false)).toBe(false);
  expect(needPatientBanner('false')).toBe(false);
  expect(needPatientBanner(' FALSE ')).toBe(false);
  for (const v of [true, 'true', undefined, null, 0, 'no', {}]) expect(needPatientBanner(v)).toBe(true);
  const token = grantedTokenFrom({ ...base, need_patient_banner: 'false' });
  expect(token.ok && token.value.context.needPatientBanner).toBe(false);
});

it('reads patient, encounter, fhirContext, intent, smart_style_url, tenant, refresh token and lifetime', () => {
  const token = grantedTokenFrom({
    ...base,
    patient: 'Patient/eq081-VQEgP8drUUqCWzHfw3',
    encounter: 'e1',
    need_patient_banner: true,
    smart_style_url: 'https://ehr.example.org/style.json',
    fhirContext: [{ reference: 'ServiceRequest/s1', role: 'launch' }, { canonical: 'http://example.org/Questionnaire/q' }, { type: 'x' }, 'junk'],
    intent: 'reconcile-medications',
    tenant: 't1',
    refresh_token: 'rt',
    expires_in: '600',
    id_token: 'a.b.c',
  });
  expect(token).toEqual({
    ok: true,
    value: {
      accessToken: 'at',
      scope: 'launch patient/*.rs',
      refreshToken: 'rt',
      expiresIn: 600,
      idToken: 'a.b.c',
      context: {
        patient: 'eq081-VQEgP8drUUqCWzHfw3',
        encounter: 'e1',
        needPatientBanner: true,
        smartStyleUrl: 'https://ehr.example.org/style.json',
        fhirContext: [{ reference: 'ServiceRequest/s1', role: 'launch' }, { canonical: 'http://example.org/Questionnaire/q' }],
        intent: 'reconcile-medications',
        tenant: 't1',
      },
    },
  });
});

it('refuses a response without an access token, a bearer type or a patient; drops a non-http style URL', () => {
  expect(grantedTokenFrom({ ...base, access_token: undefined })).toEqual({ ok: false, error: 'the EHR did not issue an access token' });
  expect(grantedTokenFrom({ ...base, token_type: 'MAC' }).ok).toBe(false);
  expect(grantedTokenFrom({ ...base, patient: undefined })).toMatchObject({ ok: false, error: expect.stringContaining('no patient') as unknown });
  expect(grantedTokenFrom({ ...base, patient: '../../etc' }).ok).toBe(false);
  const token = grantedTokenFrom({ ...base, smart_style_url: 'javascript:alert(1)' });
  expect(token.ok && token.value.context.smartStyleUrl).toBeUndefined();
  expect(fhirContextItems('nope')).toEqual([]);
});

it('applies only smart_style_url values that match their pattern', () => {
  expect(
    smartStyleFrom({
      color_background: '#edeae3',
      color_text: 'rgb(20, 20, 20)',
      color_error: 'red;}body{display:none',
      dim_border_radius: '6px',
      dim_font_size: '1em; x',
      font_family_body: "Georgia, 'Times New Roman', serif",
      font_family_heading: 'url(https://evil.example/x)',
      unknown: '#fff',
    }),
  ).toEqual({ '--cb-bg': '#edeae3', '--cb-text': 'rgb(20, 20, 20)', '--cb-radius': '6px', '--cb-font-body': "Georgia, 'Times New Roman', serif" });
});
