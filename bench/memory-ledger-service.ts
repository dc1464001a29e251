// `npm run bench` only: the service as `npm start` composes it, but with the in-memory ledger
// (no durable store), to measure what recording cards, feedback and audit rows costs a hook.
import type { AddressInfo } from 'node:net';
import { composeService } from '../server/compose';
import { loadConfig } from '../server/config';
import { listen } from '../server/listen';
import { createLogger } from '../server/logger';
import { memoryLedger } from '../src/ledger/memory-ledger';

const config = loadConfig(process.env);
if (!config.ok) throw new Error(config.error);
const composed = composeService(config.value, { logger: createLogger('warn'), ledger: memoryLedger() });
if (!composed.ok) throw new Error(composed.error);
void listen(composed.value).then((server) => process.send?.({ port: (server.address() as AddressInfo).port }));
process.on('SIGTERM', () => process.exit(0));
