import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort } from './free-port';

// A real PostgreSQL for tests: Debian's server (`apt-get install postgresql`; .ci/run installs it)
// in a temp folder on a free loopback port, no system service. The server refuses to run as root,
// so under root it runs as the `postgres` user, which owns the temp folder.

const run = promisify(execFile);

export interface TestPostgres {
  /** `postgresql://postgres@127.0.0.1:PORT/chartbrief`: a database created at start. */
  url: string;
  port: number;
  /** Creates another empty database and returns its URL (a test that needs a schema of its own). */
  createDatabase(name: string): Promise<string>;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
}

/** The newest Debian PostgreSQL bin folder (PG_BIN overrides), preferring 15 as CI installs it. */
function postgresBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl'))) : [];
  const version = versions.includes('15') ? '15' : versions.sort((a, b) => Number(b) - Number(a))[0];
  if (version === undefined) throw new Error('PostgreSQL is not installed (apt-get install -y postgresql): the store tests need a real server');
  return join(root, version, 'bin');
}

/** uid/gid of `postgres` from /etc/passwd, when we are root and must hand the server to it. */
function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (uid === undefined || gid === undefined) throw new Error('running as root but there is no postgres user to run the server as');
  return { uid: Number(uid), gid: Number(gid) };
}

function databaseUrl(port: number, name: string): string {
  return `postgresql://postgres@127.0.0.1:${port}/${name}`;
}

/** Starts a throw-away PostgreSQL server with a `chartbrief` database; `stop()` it when done. */
export async function startPostgres(): Promise<TestPostgres> {
  const bin = postgresBin();
  const user = postgresUser();
  const dir = mkdtempSync(join(tmpdir(), 'chartbrief-pg-'));
  if (user) chownSync(dir, user.uid, user.gid);
  const dataDir = join(dir, 'data');
  const pgCtl = join(bin, 'pg_ctl');
  const asServerUser = (cmd: string, args: string[]): Promise<unknown> =>
    user ? run('runuser', ['-u', 'postgres', '--', cmd, ...args], { cwd: dir }) : run(cmd, args, { cwd: dir });

  let started = false;
  const stop = async (): Promise<void> => {
    if (started) await asServerUser(pgCtl, ['stop', '-D', dataDir, '-m', 'fast', '-w']).catch(() => undefined);
    started = false;
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // Trust on loopback and the socket in the temp folder: a test server no one else can reach.
    await asServerUser(join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    let port = 0;
    for (let attempt = 0; !started; attempt++) {
      port = await freePort();
      // Durability off: a test database is thrown away.
      const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
      try {
        await asServerUser(pgCtl, ['start', '-D', dataDir, '-o', options, '-l', join(dir, 'server.log'), '-w', '-t', '60']);
        started = true;
      } catch (e) {
        // Another process took the port between our check and the server's bind: try another.
        if (attempt >= 2) throw new Error(`PostgreSQL did not start: ${String(e)}\n${readFileSync(join(dir, 'server.log'), 'utf8').slice(-2000)}`);
      }
    }
    const createDatabase = async (name: string): Promise<string> => {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
      const client = new Client({ connectionString: databaseUrl(port, 'postgres') });
      await client.connect();
      try {
        await client.query(`create database ${name}`);
      } finally {
        await client.end();
      }
      return databaseUrl(port, name);
    };
    const url = await createDatabase('chartbrief');
    return { url, port, createDatabase, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
