import { settled } from '@/lib/promises';

// Work that must not lengthen or shape the answer to a request (a mail, the work behind "if this
// address is known"): started now, finished after the answer. A failure is logged, never thrown at
// the request that started it. Tests wait for it with backgroundSettled().

const running = new Set<Promise<unknown>>();

export function inBackground(what: string, work: () => Promise<unknown>): void {
  const p = new Promise<void>((resolve) => setImmediate(resolve))
    .then(work)
    .catch((err) => console.error(`Achtergrondtaak "${what}" mislukt:`, err));
  running.add(p);
  void settled(p).then(() => running.delete(p));
}

/** Resolves once every background task started so far (and those they start) has finished. */
export async function backgroundSettled(): Promise<void> {
  while (running.size > 0) await Promise.all([...running].map(settled));
}
