import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { CdsClient } from '../cds-hooks/security/cds-clients';
import type { SmartAuthServer } from './auth/smart-auth-server';
import { createSmartAuthServer } from './auth/smart-auth-server';
import type { EhrSigner } from './ehr/ehr-signer';
import { createEhrSigner } from './ehr/ehr-signer';
import type { EhrDeps } from './ehr/hook-calls';
import type { FhirQuirks } from './fhir/fhir-quirks';
import { EPIC_QUIRKS, NO_QUIRKS } from './fhir/fhir-quirks';
import type { FhirApp } from './fhir/fhir-server';
import { createFhirApp } from './fhir/fhir-server';
import type { SandboxPatient, SandboxSeed } from './fixtures/seed';
import { loadSandboxSeed } from './fixtures/seed';

/**
 * The sandbox EHR's back end on its own loopback port: the FHIR server (`/fhir`), its SMART
 * authorization server (`/auth`) and the JWKS its CDS Hooks calls are signed with
 * (`/.well-known/jwks.json`). The `/sandbox` page on the service's port drives it.
 */

export interface SandboxEhrOptions {
  /** 0: any free port. The EHR listens on 127.0.0.1 only. */
  port: number;
  quirks: 'none' | 'epic';
  /** The CDS service's base URL (its PUBLIC_URL), known once the service listens. */
  serviceUrl: () => string;
  /** The SMART app's client id; its redirect URI is `{serviceUrl}/app`. */
  smartClientId: string;
  /** Patients and resources (default: the fixtures). */
  seed?: SandboxSeed;
}

export interface SandboxEhr {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  fhirBaseUrl: string;
  authUrl: string;
  jwksUrl: string;
  /** The EHR as a trusted CDS client of the service: its `iss`, JWKS URL and FHIR server. */
  trustedClient: CdsClient;
  patients: SandboxPatient[];
  auth: SmartAuthServer;
  signer: EhrSigner;
  fhir: FhirApp;
  ehrDeps: EhrDeps;
  smartClientId: string;
  epicQuirks(): boolean;
  setEpicQuirks(on: boolean): void;
  close(): Promise<void>;
}

export async function startSandboxEhr(options: SandboxEhrOptions): Promise<SandboxEhr> {
  const seed = options.seed ?? loadSandboxSeed();
  let origin = '';
  const fhirBaseUrl = (): string => `${origin}/fhir`;
  const quirks: FhirQuirks = { ...(options.quirks === 'epic' ? EPIC_QUIRKS : NO_QUIRKS) };
  let epic = options.quirks === 'epic';

  const auth = await createSmartAuthServer({
    fhirBaseUrl,
    clients: () => [{ clientId: options.smartClientId, redirectUris: [`${options.serviceUrl()}/app`] }],
    needPatientBannerAsString: () => epic,
  });
  const fhir = await createFhirApp({
    resources: seed.resources,
    authorize: (authorization) => auth.verifyAccessToken(authorization),
    quirks,
    smartConfiguration: () => auth.smartConfiguration(),
  });
  const signer = await createEhrSigner(() => origin);

  const app = express();
  app.disable('x-powered-by');
  app.get('/.well-known/jwks.json', (_req, res) => {
    res.json(signer.jwks);
  });
  app.use('/auth', auth.router);
  app.use(fhir.app);

  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(options.port, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fhir.setOrigin(origin);
  auth.setIssuer(`${origin}/auth`);

  return {
    origin,
    fhirBaseUrl: fhirBaseUrl(),
    authUrl: `${origin}/auth`,
    jwksUrl: `${origin}/.well-known/jwks.json`,
    trustedClient: { iss: origin, jwks_url: `${origin}/.well-known/jwks.json`, fhirServers: [fhirBaseUrl()] },
    patients: seed.patients,
    auth,
    signer,
    fhir,
    ehrDeps: {
      serviceUrl: options.serviceUrl,
      fhirBaseUrl,
      signer,
      issueToken: (patient, scope, clientId) => auth.issueAccessToken({ patient, scope, clientId }),
    },
    smartClientId: options.smartClientId,
    epicQuirks: () => epic,
    setEpicQuirks(on) {
      epic = on;
      Object.assign(quirks, on ? EPIC_QUIRKS : NO_QUIRKS);
    },
    close: () =>
      new Promise<void>((resolve) => {
        fhir.clearTimers();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
