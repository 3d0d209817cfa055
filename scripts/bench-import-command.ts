import { spawn } from 'node:child_process';
import { type MemoryPeak, sampleMemory } from './peak-memory';

export type CommandRun = { peak: MemoryPeak; ms: number; accepted: number; fileError: string | null };

/**
 * `npm run import:file -- --test` on one file, as a TTP runs it by hand, with the memory of the whole
 * command sampled from outside: the reader (the process that reads the file) and the rest (npm, tsx, the
 * import). A test file is read and validated in full, and is never a duplicate of a production upload.
 */
export async function importFileCommand(file: string, agbCode: string): Promise<CommandRun> {
  const t0 = performance.now();
  const command = spawn('npm', ['run', '--silent', 'import:file', '--', '--agb', agbCode, '--file', file, '--test'], {
    env: process.env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const sampling = await sampleMemory(command.pid!, 'command');
  let out = '';
  command.stdout!.on('data', (part: Buffer) => {
    out += part;
  });
  await new Promise((resolve) => command.on('close', resolve));
  const peak = await sampling.stop();
  const summary = JSON.parse(out) as { accepted: number; fileError: string | null };
  return { peak, ms: performance.now() - t0, accepted: summary.accepted, fileError: summary.fileError };
}
