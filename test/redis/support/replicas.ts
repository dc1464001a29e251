import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CryptoKey, JWK } from 'jose';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { freePort } from '../../support/free-port';
import type { RunningService, StartOptions } from '../../support/start-service';
import { startService } from '../../support/start-service';

// Replicas in one test process: services started as `npm start` composes them, each on its own
// loopback port, sharing one PUBLIC_URL (the URL a load balancer answers on) and one Redis.

/** The URL both replicas are "behind": JWT audiences and redirect URIs name it; tests call the replicas' own ports. */
export const SHARED_PUBLIC_URL = 'http://chartbrief.test';

/** A fresh SESSION_KEY: 32 random bytes in base64. */
export function newSessionKey(): string {
  return randomBytes(32).toString('base64');
}

export interface Replica {
  /** The replica's own address (`http://127.0.0.1:PORT`). */
  url: string;
  running: RunningService;
}

/** Starts a replica on a free port with PUBLIC_URL = {@link SHARED_PUBLIC_URL} and `env` (REDIS_URL, SESSION_KEY …). */
export async function startReplica(env: Record<string, string>, options: Omit<StartOptions, 'env'> = {}): Promise<Replica> {
  const port = await freePort();
  const running = await startService({ ...options, env: { PORT: String(port), PUBLIC_URL: SHARED_PUBLIC_URL, ...env } });
  return { url: `http://127.0.0.1:${port}`, running };
}

/** A trusted EHR for CDS_CLIENTS_FILE and the JWTs it signs for the shared URL. */
export interface TestEhr {
  iss: string;
  clientsFile: string;
  /** A fresh signed JWT for `/cds-services/{service}` (a new jti each time). */
  token(service?: string): Promise<string>;
}

export async function testEhr(): Promise<TestEhr> {
  const iss = 'https://ehr.example.org';
  const pair = await generateKeyPair('ES384', { extractable: true });
  const privateKey: CryptoKey = pair.privateKey;
  const publicJwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES384', use: 'sig' };
  const dir = mkdtempSync(join(tmpdir(), 'chartbrief-replicas-'));
  const clientsFile = join(dir, 'cds-clients.json');
  writeFileSync(clientsFile, JSON.stringify([{ iss, jwks: { keys: [publicJwk] }, fhirServers: ['https://ehr.example.org/fhir'] }]));
  return {
    iss,
    clientsFile,
    token: (service = 'patient-view') => {
      const nowSec = Math.floor(Date.now() / 1000);
      return new SignJWT({ iss, aud: `${SHARED_PUBLIC_URL}/cds-services/${service}`, iat: nowSec, exp: nowSec + 300, jti: randomBytes(16).toString('hex') })
        .setProtectedHeader({ alg: 'ES384', kid: 'k1', typ: 'JWT' })
        .sign(privateKey);
    },
  };
}
