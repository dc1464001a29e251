import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CryptoKey } from 'jose';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { Client } from 'pg';
import { CookieBrowser } from '../launch/support/cookie-browser';
import type { FakeEhr } from '../launch/support/fake-ehr';
import { startFakeEhr } from '../launch/support/fake-ehr';
import type { AnswerStatement, RecordedRequest } from '../support/azure-openai-server';
import { azureOpenAIEnv, AzureOpenAIServer, promptLines } from '../support/azure-openai-server';
import { orderRequest } from '../support/hook-requests';
import type { JsonReply } from '../support/http';
import { postJson, send } from '../support/http';
import type { TestPostgres } from '../support/postgres';
import { startPostgres } from '../support/postgres';
import type { TestRedis } from '../support/redis';
import { startRedis } from '../support/redis';
import { caseRequest, loadRuleCases } from '../support/rule-cases';
import type { ServiceProcess } from '../support/service-process';
import { ensureBuilt, startServiceProcess } from '../support/service-process';
import { fixturePatient, loadFixtureBundle, prefetchFromBundle } from '../support/synthea';

// Two processes of the built service (`node dist/server/main.js`, as `npm start` runs it) behind
// one URL, sharing one PostgreSQL (DATABASE_URL) and one Redis (REDIS_URL), with JWTs required:
// nothing a replica does may depend on which one the load balancer picked, and a replica that
// dies takes no answered feedback with it.

const SLOW_MS = 240_000;
const PUBLIC_URL = 'http://chartbrief.test';
const ADMIN_TOKEN = 'replicas-admin-token-0123456789abcdef';
const ISS = 'https://ehr.example.org';
// An order-sign call that gets a critical drug-allergy card whatever the date.
const ALLERGY = caseRequest(loadRuleCases().find((c) => c.name === 'drug-safety/amoxicillin-penicillin-allergy')!);
const ali = fixturePatient('Ali_Herman');
const MODEL_LABEL = /^ChartBrief · chartbrief-gpt4o \(verified 1\/1 statements?\)$/;

interface Card {
  uuid: string;
  source: { label: string };
  links?: { type: string }[];
}
interface Alerts {
  rules: { ruleId: string; shown: number; overridden: number; reasons: Record<string, number> }[];
}

const tmp = mkdtempSync(join(tmpdir(), 'chartbrief-replica-processes-'));
let signingKey: CryptoKey;
let pg: TestPostgres | undefined;
let redis: TestRedis | undefined;
let model: AzureOpenAIServer | undefined;
let ehr: FakeEhr | undefined;
let a: ServiceProcess | undefined;
let b: ServiceProcess | undefined;
let db: Client | undefined;

/** Starts everything at once; whatever did start is kept for afterAll even when another part failed. */
async function settle<T>(started: Promise<T>, keep: (value: T) => void): Promise<void> {
  keep(await started);
}

beforeAll(async () => {
  ensureBuilt();
  const pair = await generateKeyPair('ES384', { extractable: true });
  signingKey = pair.privateKey;
  const clientsFile = join(tmp, 'cds-clients.json');
  writeFileSync(clientsFile, JSON.stringify([{ iss: ISS, jwks: { keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES384', use: 'sig' }] }, fhirServers: [`${ISS}/fhir`] }]));
  const servers = await Promise.allSettled([
    settle(startPostgres(), (v) => (pg = v)),
    settle(startRedis(), (v) => (redis = v)),
    settle(AzureOpenAIServer.start(), (v) => (model = v)),
    settle(startFakeEhr(), (v) => (ehr = v)),
  ]);
  for (const s of servers) if (s.status === 'rejected') throw s.reason;
  const env = {
    DATABASE_URL: pg!.url,
    REDIS_URL: redis!.url,
    SESSION_KEY: randomBytes(32).toString('base64'),
    ADMIN_TOKEN,
    PUBLIC_URL,
    CDS_CLIENTS_FILE: clientsFile,
    RATE_LIMIT_PER_MINUTE: '100000',
    ...azureOpenAIEnv(model!),
    // A budget far above the call: the waiting replica has all the time it needs (no timing is asserted).
    MODEL_BUDGET_MS: '20000',
    HOOK_DEADLINE_MS: '30000',
    MODEL_DATE_SHIFT: 'shift',
    SMART_SCOPES: 'launch openid fhirUser offline_access patient/*.rs',
  };
  // Both at once, on a fresh database: each runs the migrations at start-up (one waits for the other's lock).
  const replicas = await Promise.allSettled([settle(startServiceProcess(env), (v) => (a = v)), settle(startServiceProcess(env), (v) => (b = v))]);
  for (const s of replicas) if (s.status === 'rejected') throw s.reason;
  db = new Client({ connectionString: pg!.url });
  await db.connect();
}, SLOW_MS);

afterAll(async () => {
  const quietly = (p: Promise<unknown> | undefined): Promise<unknown> => Promise.resolve(p).catch(() => undefined);
  await Promise.all([quietly(a?.stop()), quietly(b?.stop()), quietly(db?.end())]);
  await Promise.all([quietly(model?.close()), quietly(ehr?.close()), quietly(redis?.stop()), quietly(pg?.stop())]);
  rmSync(tmp, { recursive: true, force: true });
}, 60_000);

/** A fresh JWT of the trusted EHR for `/cds-services/{path}` on the shared URL (a new jti each time). */
function token(path: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iss: ISS, aud: `${PUBLIC_URL}/cds-services/${path}`, iat: now, exp: now + 300, jti: randomBytes(16).toString('hex') })
    .setProtectedHeader({ alg: 'ES384', kid: 'k1', typ: 'JWT' })
    .sign(signingKey);
}

async function call(replica: ServiceProcess, path: string, body: unknown, jwt?: string): Promise<JsonReply> {
  return postJson(`${replica.baseUrl}/cds-services/${path}`, body, { authorization: `Bearer ${jwt ?? (await token(path))}` });
}

async function alerts(replica: ServiceProcess): Promise<Alerts> {
  const reply = await send(`${replica.baseUrl}/admin/api/alerts`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  expect(reply.status).toBe(200);
  return reply.body as Alerts;
}

const overriddenIn = (x: Alerts): number => x.rules.reduce((n, r) => n + r.overridden, 0);

/** Order-sign calls spread over both replicas; their cards, once all are in card_record. */
async function shownCards(count: number): Promise<string[]> {
  const replies = await Promise.all(Array.from({ length: count }, (_, i) => call(i % 2 === 0 ? a! : b!, 'order-sign', ALLERGY)));
  const uuids = replies.flatMap((r) => {
    expect(r.status).toBe(200);
    return (r.body as { cards: Card[] }).cards.map((c) => c.uuid);
  });
  // Written after the answers: wait for them (bounded by the test timeout).
  while (Number((await db!.query<{ n: string }>('select count(*) as n from card_record where card_uuid = any($1)', [uuids])).rows[0]?.n) < uuids.length) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return uuids;
}

const override = (card: string, code = 'will-monitor') => ({ feedback: [{ card, outcome: 'overridden', overrideReason: { reason: { code, display: 'Will monitor' } }, outcomeTimestamp: new Date().toISOString() }] });

it('a JWT accepted by one replica is refused as a replay by the other', async () => {
  const first = await token('order-sign');
  expect((await call(a!, 'order-sign', orderRequest('order-sign'), first)).status).toBe(200);
  expect((await call(b!, 'order-sign', orderRequest('order-sign'), first)).status).toBe(401);
  const second = await token('order-sign');
  expect((await call(b!, 'order-sign', orderRequest('order-sign'), second)).status).toBe(200);
  expect((await call(a!, 'order-sign', orderRequest('order-sign'), second)).status).toBe(401);
});

it('five concurrent patient-view calls for one chart split over both replicas make one model call', async () => {
  const request = { hook: 'patient-view', hookInstance: 'replicas-process-1', context: { userId: 'Practitioner/example', patientId: ali.patientId }, prefetch: prefetchFromBundle(loadFixtureBundle(ali.file)) };
  const statements = (req: RecordedRequest): AnswerStatement[] => {
    const line = promptLines(req).find((l) => l.startsWith('Condition/'));
    if (!line) throw new Error('no problem line in the prompt');
    return [{ section: 'problems', text: 'An active problem is recorded in the chart', evidence: [line.slice(0, line.indexOf(' | '))] }];
  };
  const briefLabel = async (replica: ServiceProcess): Promise<string> => {
    const reply = await call(replica, 'patient-view', request);
    expect(reply.status).toBe(200);
    return (reply.body as { cards: Card[] }).cards.find((c) => c.links?.some((l) => l.type === 'smart'))?.source.label ?? 'no brief card';
  };
  const before = model!.requests.length;
  const held = model!.hold({ kind: 'answer', statements });
  const labels = [a!, b!, a!, b!, a!].map(briefLabel);
  await held.received;
  held.release();
  for (const label of await Promise.all(labels)) expect(label).toMatch(MODEL_LABEL);
  expect(model!.requests.length - before).toBe(1);
  // Later calls on either replica come from the shared cache: still one call.
  expect(await briefLabel(b!)).toMatch(MODEL_LABEL);
  expect(await briefLabel(a!)).toMatch(MODEL_LABEL);
  expect(model!.requests.length - before).toBe(1);
});

it('an app launch started on one replica completes on the other, and the app’s API answers on both', async () => {
  const browser = new CookieBrowser();
  // The load balancer: the redirect URI /app to B, everything else to A.
  const balance = (url: URL): URL => (url.origin === PUBLIC_URL ? new URL(`${url.pathname}${url.search}`, url.pathname === '/app' ? b!.baseUrl : a!.baseUrl) : url);
  const { hops, final } = await browser.follow(`${a!.baseUrl}/launch?iss=${encodeURIComponent(ehr!.fhirBase)}&launch=launch-1`, balance);
  expect(final.status).toBe(200);
  expect(hops.map((h) => `${h.url.origin === a!.baseUrl ? 'A' : h.url.origin === b!.baseUrl ? 'B' : 'EHR'} ${h.url.pathname} ${h.status}`)).toEqual([
    'A /launch 302',
    'EHR /auth/authorize 302',
    'B /app 303',
    'B /app 200',
  ]);
  const session = final.url.searchParams.get('session') ?? '';
  for (const replica of [b!, a!]) {
    const view = await browser.get(`${replica.baseUrl}/app/api/${session}/view`);
    expect(view.hop.status).toBe(200);
    expect(JSON.parse(view.body)).toMatchObject({ patient: { name: 'Ada Tester' } });
  }
  // Still bound to the browser that launched it, on either replica.
  expect((await new CookieBrowser().get(`${a!.baseUrl}/app/api/${session}/view`)).hop.status).toBe(403);
});

it('feedback posted to one replica is in the other’s analytics as soon as it is answered', async () => {
  const [card] = await shownCards(1);
  const before = await alerts(b!);
  expect(await call(a!, 'order-sign/feedback', override(card!, 'replica-a'))).toMatchObject({ status: 200, body: { recorded: 1 } });
  const after = await alerts(b!);
  expect(overriddenIn(after) - overriddenIn(before)).toBe(1);
  expect(after.rules.flatMap((r) => Object.keys(r.reasons))).toContain('replica-a');
});

it('killing a replica during a burst of feedback loses none that was answered 200', async () => {
  const cards = await shownCards(16);
  const before = overriddenIn(await alerts(a!));
  // Four clients post one card's feedback each in turn, alternating replicas; B dies (SIGKILL)
  // once eight answers are in, while the others are still posting.
  const outcome = new Map<string, { replica: 'A' | 'B'; status: number | 'no answer' }>();
  const bodies = new Map(cards.map((card) => [card, override(card)]));
  const queue = cards.map((card, i) => ({ card, replica: i % 2 === 0 ? ('A' as const) : ('B' as const) }));
  let killed: Promise<void> | undefined;
  const client = async (): Promise<void> => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      const reply = await call(next.replica === 'A' ? a! : b!, 'order-sign/feedback', bodies.get(next.card)).catch(() => undefined);
      outcome.set(next.card, { replica: next.replica, status: reply?.status ?? 'no answer' });
      if (outcome.size === 8) killed = b!.kill();
    }
  };
  await Promise.all([client(), client(), client(), client()]);
  await killed;
  const answered = [...outcome].filter(([, o]) => o.status === 200).map(([card]) => card);
  // The kill fell inside the burst: B had answered some, and some posts got no answer.
  expect([...outcome.values()].some((o) => o.replica === 'B' && o.status === 200)).toBe(true);
  expect([...outcome.values()].some((o) => o.status === 'no answer')).toBe(true);
  expect([...outcome.values()].every((o) => o.status === 200 || (o.replica === 'B' && o.status === 'no answer'))).toBe(true);

  // Every feedback answered 200 is in the database and counted by the survivor.
  const stored = await db!.query<{ card_uuid: string }>('select distinct card_uuid from feedback where card_uuid = any($1)', [answered]);
  expect(stored.rows.map((r) => r.card_uuid).sort()).toEqual([...answered].sort());
  expect(overriddenIn(await alerts(a!)) - before).toBeGreaterThanOrEqual(answered.length);

  // The EHR sends what got no answer again, as it was, to the survivor: each card counts once.
  for (const [card, o] of outcome) if (o.status !== 200) expect((await call(a!, 'order-sign/feedback', bodies.get(card))).status).toBe(200);
  expect(overriddenIn(await alerts(a!)) - before).toBe(cards.length);
}, SLOW_MS);
