import pino from 'pino';
import { composeService } from '../../server/compose';
import { loadConfig } from '../../server/config';

function configOf(env: Record<string, string>): ReturnType<typeof loadConfig> {
  return loadConfig(env);
}

it('starts with defaults in development', () => {
  const c = configOf({});
  expect(c.ok && c.value).toMatchObject({ port: 3000, host: '127.0.0.1', publicUrl: 'http://127.0.0.1:3000', maxBodyBytes: 10 * 1024 * 1024, sandbox: true, production: false });
});

it('refuses production without CDS_CLIENTS_FILE or PUBLIC_URL', () => {
  const noClients = configOf({ NODE_ENV: 'production', PUBLIC_URL: 'https://cb.example.org' });
  expect(!noClients.ok && noClients.error).toMatch(/CDS_CLIENTS_FILE/);
  const noUrl = configOf({ NODE_ENV: 'production', CDS_CLIENTS_FILE: '/etc/chartbrief/clients.json' });
  expect(!noUrl.ok && noUrl.error).toMatch(/PUBLIC_URL/);
});

it.each([
  ['PORT', 'eighty'],
  ['MAX_BODY_BYTES', '-1'],
  ['PUBLIC_URL', 'ftp://x'],
  ['LOG_LEVEL', 'loud'],
  ['SANDBOX', 'maybe'],
  ['DATABASE_URL', 'mysql://db.example.org/chartbrief'],
])('names %s when its value is invalid', (name, value) => {
  const c = configOf({ [name]: value });
  expect(!c.ok && c.error).toContain(name);
});

it('keeps the embedded store in ./.chartbrief-data unless DATA_DIR or DATABASE_URL says otherwise', () => {
  const defaults = configOf({ DATABASE_URL: '' });
  expect(defaults.ok && defaults.value).toMatchObject({ dataDir: './.chartbrief-data' });
  expect(defaults.ok && 'databaseUrl' in defaults.value).toBe(false);
  const set = configOf({ DATA_DIR: '/var/lib/chartbrief', DATABASE_URL: 'postgresql://cb:pw@db.internal:5432/chartbrief' });
  expect(set.ok && set.value).toMatchObject({ dataDir: '/var/lib/chartbrief', databaseUrl: 'postgresql://cb:pw@db.internal:5432/chartbrief' });
});

it('quiets overrides for 30 days and keeps audit events 2190 days unless told otherwise', () => {
  const defaults = configOf({});
  expect(defaults.ok && defaults.value).toMatchObject({ overrideQuietDays: 30, auditRetentionDays: 2190 });
  const set = configOf({ OVERRIDE_QUIET_DAYS: '0', AUDIT_RETENTION_DAYS: '365' });
  expect(set.ok && set.value).toMatchObject({ overrideQuietDays: 0, auditRetentionDays: 365 });
  const invalid: Array<[string, string]> = [['OVERRIDE_QUIET_DAYS', '-1'], ['AUDIT_RETENTION_DAYS', '0'], ['AUDIT_RETENTION_DAYS', 'forever']];
  for (const [name, value] of invalid) {
    const bad = configOf({ [name]: value });
    expect(!bad.ok && bad.error).toContain(name);
  }
});

it('does not repeat a bad DATABASE_URL (it may hold a password)', () => {
  const c = configOf({ DATABASE_URL: 'mysql://cb:s3cret@db/x' });
  expect(c).toEqual({ ok: false, error: 'DATABASE_URL must be a postgres:// or postgresql:// URL' });
});

it('refuses to start when RULES_DISABLED names a rule that does not exist (a typo would leave it on)', () => {
  const c = configOf({ RULES_DISABLED: 'no-such-rule' });
  if (!c.ok) throw new Error(c.error);
  const composed = composeService(c.value, { logger: pino({ level: 'silent' }) });
  expect(!composed.ok && composed.error).toMatch(/RULES_DISABLED: unknown rule id\(s\) no-such-rule/);
});

it('refuses to start when CDS_CLIENTS_FILE cannot be read', () => {
  const c = configOf({ CDS_CLIENTS_FILE: '/nonexistent/clients.json' });
  if (!c.ok) throw new Error(c.error);
  const composed = composeService(c.value, { logger: pino({ level: 'silent' }) });
  expect(!composed.ok && composed.error).toMatch(/CDS_CLIENTS_FILE/);
});
