import express from 'express';
import type { Router } from 'express';

/**
 * The SMART App Launch entry points (`/launch`, `/app`). A placeholder until the SMART app issue:
 * it says so plainly instead of pretending to launch.
 */
export function launchRouter(): Router {
  const router = express.Router();
  const page = (title: string): string =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>ChartBrief</h1><p>${title}</p><p>The SMART on FHIR app is not part of this build yet; the chart brief is available as a CDS Hooks card.</p></main></body></html>`;
  router.get('/launch', (_req, res) => {
    res.status(501).type('html').send(page('SMART launch is not available yet.'));
  });
  router.get('/app', (_req, res) => {
    res.status(501).type('html').send(page('The ChartBrief app is not available yet.'));
  });
  return router;
}
