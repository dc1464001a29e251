import express from 'express';
import { sandboxRouter } from '../sandbox/sandbox-router';
import { loadSandboxConfig } from '../sandbox/sandbox-config';
import type { SandboxEhr } from '../sandbox/start-sandbox-ehr';
import { startSandboxEhr } from '../sandbox/start-sandbox-ehr';
import type { Result } from '../src/result';
import { err, ok } from '../src/result';
import type { ComposedService, ComposeOptions } from './compose';
import { composeService } from './compose';
import type { Config } from './config';

// Development only (config.sandbox: not production, SANDBOX not off). main.ts loads this file
// with a dynamic import, so production never loads the sandbox or its dev dependencies.

export interface ServiceWithSandbox {
  /** The service, with `/sandbox` served in front of its routes. */
  service: ComposedService;
  sandbox: SandboxEhr;
  /** The lines `npm start` prints once listening: where everything is. */
  urls: () => string[];
}

/**
 * Starts the sandbox EHR (FHIR server, SMART authorization server, signing key), composes the
 * service with the sandbox as a trusted CDS client, and serves the `/sandbox` page on the
 * service's port.
 */
export async function composeWithSandbox(config: Config, env: NodeJS.ProcessEnv, options: ComposeOptions): Promise<Result<ServiceWithSandbox, string>> {
  const sandboxConfig = loadSandboxConfig(env);
  if (!sandboxConfig.ok) return err(sandboxConfig.error);
  const { port, quirks, smartClientId } = sandboxConfig.value;
  let sandbox: SandboxEhr;
  try {
    sandbox = await startSandboxEhr({ port, quirks, smartClientId, serviceUrl: () => config.publicUrl });
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : String(e);
    return err(`SANDBOX_PORT: the sandbox EHR cannot listen on 127.0.0.1:${port} (${code}); set another port or SANDBOX=off`);
  }
  const composed = composeService(config, { ...options, extraClients: [sandbox.trustedClient] });
  if (!composed.ok) {
    await sandbox.close();
    return err(composed.error);
  }
  const app = express();
  app.disable('x-powered-by');
  app.use('/sandbox', sandboxRouter({ ehr: sandbox, feedback: composed.value.ledger.feedback }));
  app.use(composed.value.app);
  return ok({
    service: { ...composed.value, app },
    sandbox,
    urls: () => [
      `ChartBrief (development; the sandbox EHR is off with SANDBOX=off or NODE_ENV=production)`,
      `  CDS service:   ${config.publicUrl}/cds-services`,
      `  sandbox EHR:   ${config.publicUrl}/sandbox`,
      `  FHIR base:     ${sandbox.fhirBaseUrl}`,
      `  SMART auth:    ${sandbox.authUrl}/.well-known/openid-configuration`,
    ],
  });
}
