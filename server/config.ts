import { z } from 'zod';
import type { Result } from '../src/result';
import { err, ok } from '../src/result';
import { envErrorLine, integerEnv } from '../src/settings/env-values';
import type { ModelSettings } from '../src/brief/model/model-settings';
import { modelSettingsFrom } from '../src/brief/model/model-settings';
import type { LaunchSettings } from '../launch/launch-config';
import { launchSettingsFrom } from '../launch/launch-config';
import type { RedisSettings } from '../redis/redis-settings';
import { redisSettingsFrom } from '../redis/redis-settings';

// Every environment variable the service reads, checked once at start-up and passed in.
// Names are fixed interfaces (../README.md, configuration table): keep them.

const MIB = 1024 * 1024;
const DEFAULT_DATA_DIR = './.chartbrief-data';

const envSchema = z.object({
  NODE_ENV: z.string().optional().default('development'),
  PORT: integerEnv('PORT', 3000, 0, 65535),
  HOST: z.string().optional().default('127.0.0.1'),
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'PUBLIC_URL must be an http(s) URL' }).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional().default('info'),
  MAX_BODY_BYTES: integerEnv('MAX_BODY_BYTES', 10 * MIB, 1024, 512 * MIB),
  CDS_CLIENTS_FILE: z.string().optional(),
  RULES_DISABLED: z.string().optional().default(''),
  SANDBOX: z.enum(['on', 'off'], { error: 'SANDBOX must be "on" or "off"' }).optional(),
  FHIR_TIMEOUT_MS: integerEnv('FHIR_TIMEOUT_MS', 4000, 100, 60_000),
  HOOK_DEADLINE_MS: integerEnv('HOOK_DEADLINE_MS', 3000, 100, 60_000),
  RATE_LIMIT_PER_MINUTE: integerEnv('RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000),
  TRUST_PROXY: z.string().optional(),
  // 0 means unset: /metrics then stays on the public port, as without METRICS_PORT.
  METRICS_PORT: integerEnv('METRICS_PORT', 0, 0, 65535),
  // The durable store: PostgreSQL at this URL (several instances share it); unset → the embedded store under DATA_DIR.
  DATABASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url({ protocol: /^postgres(ql)?$/, error: 'DATABASE_URL must be a postgres:// or postgresql:// URL' }).optional()),
  // The embedded store's folder: created on first start, locked by one instance at a time.
  DATA_DIR: z.string().optional().transform((v) => (v === undefined || v.trim() === '' ? DEFAULT_DATA_DIR : v)),
  // How long an override quiets the same finding on patient-view (issue 12 §4); 0 = never.
  OVERRIDE_QUIET_DAYS: integerEnv('OVERRIDE_QUIET_DAYS', 30, 0, 3650),
  // How long audit events are kept (default 2190 days ≈ 6 years, the HIPAA documentation period).
  AUDIT_RETENTION_DAYS: integerEnv('AUDIT_RETENTION_DAYS', 2190, 1, 36_500),
  // The bearer token of /admin and /admin/api/alerts (unset: both are 404).
  ADMIN_TOKEN: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(16, 'ADMIN_TOKEN must be at least 16 characters (e.g. openssl rand -hex 32)').optional()),
});

export interface Config {
  production: boolean;
  port: number;
  host: string;
  /** The URL EHRs call, without a trailing slash: the JWT `aud` is `${publicUrl}/cds-services/{id}`. */
  publicUrl: string;
  /** PUBLIC_URL was given; otherwise `publicUrl` follows the address actually listened on. */
  publicUrlExplicit: boolean;
  logLevel: string;
  maxBodyBytes: number;
  cdsClientsFile?: string;
  /** The summarizer: embedded (default) or a model provider (MODEL_* and AZURE_OPENAI_* / OPENAI_* variables). */
  model: ModelSettings;
  /** The SMART app's registration and trust (SMART_* variables, parsed by launch/launch-config.ts). */
  launch: LaunchSettings;
  rulesDisabled: string[];
  sandbox: boolean;
  fhirTimeoutMs: number;
  /** From a hook request's arrival to its answer: FHIR reads and the model wait fit inside it. */
  hookDeadlineMs: number;
  rateLimitPerMinute: number;
  /** express `trust proxy`: hop count or a list of addresses; unset = trust none. */
  trustProxy?: string | number | boolean;
  /** METRICS_PORT: `/metrics` on its own port (on `host`) and off the public one; unset, on the public port. */
  metricsPort?: number;
  /** DATABASE_URL: PostgreSQL for the durable store; unset, the embedded store under `dataDir`. */
  databaseUrl?: string;
  /** DATA_DIR: the embedded store's folder (default `./.chartbrief-data`). */
  dataDir: string;
  /** OVERRIDE_QUIET_DAYS: a warning overridden this recently shows at most as info on patient-view. */
  overrideQuietDays: number;
  /** AUDIT_RETENTION_DAYS: audit events older than this are purged daily. */
  auditRetentionDays: number;
  /** ADMIN_TOKEN: the bearer token of the alert analytics (`/admin`); unset, they are not served. */
  adminToken?: string;
  /** REDIS_URL and SESSION_KEY: state shared by replicas (redis/); unset, each process keeps its own in memory. */
  redis?: RedisSettings;
}

function parseTrustProxy(v: string | undefined): Config['trustProxy'] {
  if (v === undefined || v.trim() === '') return undefined;
  if (v === 'true') return true;
  if (v === 'false') return false;
  return /^\d+$/.test(v) ? Number(v) : v;
}

/** Reads the environment; a bad value is one clear line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv): Result<Config, string> {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    return err(envErrorLine(parsed.error));
  }
  const e = parsed.data;
  // The model settings are parsed by the model module itself, from the same environment.
  const model = modelSettingsFrom(env);
  if (!model.ok) return err(model.error);
  const production = e.NODE_ENV === 'production';
  const launch = launchSettingsFrom(env, { production });
  if (!launch.ok) return err(launch.error);
  // REDIS_URL (redis:// or rediss://) and SESSION_KEY (32 random bytes, base64; required with REDIS_URL).
  const redis = redisSettingsFrom(env);
  if (!redis.ok) return err(redis.error);
  if (production && !e.CDS_CLIENTS_FILE) {
    return err('CDS_CLIENTS_FILE must be set when NODE_ENV=production: every CDS call needs a verified EHR JWT');
  }
  if (production && !e.PUBLIC_URL) {
    return err('PUBLIC_URL must be set when NODE_ENV=production: it is the JWT audience and the base of every link');
  }
  const publicUrl = (e.PUBLIC_URL ?? `http://${e.HOST.includes(':') ? `[${e.HOST}]` : e.HOST}:${e.PORT}`).replace(/\/+$/, '');
  const config: Config = {
    production,
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    publicUrlExplicit: e.PUBLIC_URL !== undefined,
    logLevel: e.LOG_LEVEL,
    maxBodyBytes: e.MAX_BODY_BYTES,
    model: model.value,
    launch: launch.value,
    rulesDisabled: e.RULES_DISABLED.split(',').map((s) => s.trim()).filter((s) => s.length > 0),
    sandbox: !production && e.SANDBOX !== 'off',
    fhirTimeoutMs: e.FHIR_TIMEOUT_MS,
    hookDeadlineMs: e.HOOK_DEADLINE_MS,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    dataDir: e.DATA_DIR,
    overrideQuietDays: e.OVERRIDE_QUIET_DAYS,
    auditRetentionDays: e.AUDIT_RETENTION_DAYS,
  };
  if (e.CDS_CLIENTS_FILE) config.cdsClientsFile = e.CDS_CLIENTS_FILE;
  if (e.DATABASE_URL !== undefined) config.databaseUrl = e.DATABASE_URL;
  if (e.ADMIN_TOKEN !== undefined) config.adminToken = e.ADMIN_TOKEN;
  if (redis.value !== undefined) config.redis = redis.value;
  const trustProxy = parseTrustProxy(e.TRUST_PROXY);
  if (trustProxy !== undefined) config.trustProxy = trustProxy;
  if (e.METRICS_PORT > 0) config.metricsPort = e.METRICS_PORT;
  return ok(config);
}
