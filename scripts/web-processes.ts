// The portal's web server as production runs it: `next start`, in one process or in several that
// share one port. Used by npm start and by the benchmark (bench-pages.ts), so both run the same thing.
import { type ChildProcess, spawn } from 'node:child_process';
import cluster from 'node:cluster';
import path from 'node:path';

export type WebServer = {
  /** The server processes; `exit` on any of them means the portal is down. */
  processes: ChildProcess[];
  /** Stops every process (SIGTERM), waiting at most 5 s. */
  stop(): Promise<void>;
};

/**
 * Starts `next start` on `port` in `count` processes (`next dev` always in one). With more than one,
 * Node's cluster module holds the port and hands each new connection to the next process in turn
 * (the main process only passes connections on, it renders nothing): one Node process renders pages
 * on one core, and everything a request needs beyond that process is in PostgreSQL (sessions, the data
 * generation the figure cache follows, the audit log, rate limits, the jobs' queue), so the processes
 * need not know about each other. The jobs (nightly import, test files) run in the first process only,
 * unless they are off everywhere (JOBS_IN_SERVER=uit): pg-boss would share them out safely, but one
 * import at a time leaves the other processes' cores to the users.
 */
export function startWebServer({
  count,
  port,
  env,
  dev = false,
}: {
  count: number;
  port: number;
  env: Record<string, string | undefined>;
  dev?: boolean;
}): WebServer {
  const next = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');
  const args = [dev ? 'dev' : 'start', '-p', String(port)];
  const serverEnv = {
    ...env,
    NODE_ENV: dev ? ('development' as const) : ('production' as const),
    NEXT_TELEMETRY_DISABLED: '1',
  };
  let processes: ChildProcess[];
  if (count === 1 || dev) {
    processes = [spawn(process.execPath, [next, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: serverEnv })];
  } else {
    // exec and args are the whole command of each worker: no tsx loader from this process (execArgv).
    cluster.setupPrimary({ exec: next, args, execArgv: [], silent: true });
    processes = Array.from({ length: count }, (_, i) => {
      const jobs = i === 0 ? (env.JOBS_IN_SERVER ?? 'aan') : 'uit';
      return cluster.fork({ ...serverEnv, JOBS_IN_SERVER: jobs }).process as ChildProcess;
    });
  }
  return {
    processes,
    async stop() {
      const running = processes.filter((p) => p.exitCode === null && p.signalCode === null);
      const exited = Promise.all(running.map((p) => new Promise((resolve) => p.once('exit', resolve))));
      for (const p of running) p.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    },
  };
}
