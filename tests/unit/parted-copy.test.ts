import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { partedCopy } from '@/lib/imports/load-records';

// The import's COPY in parts (lib/imports/load-records.ts): each part ends at a line's end, nothing is
// lost or reordered, the writer is not held up while a part is merged, and a failure reaches the writer.

/** Stand-ins for the COPY streams: each collects its text. */
function copies() {
  const parts: string[] = [];
  const open = () => {
    const i = parts.push('') - 1;
    return new Writable({
      write(chunk: Buffer, _e, cb) {
        parts[i] += chunk.toString();
        cb();
      },
    });
  };
  return { parts, open };
}

const lines = (n: number) => Array.from({ length: n }, (_, i) => `regel ${i}\t${'x'.repeat(i % 40)}\n`);

describe('the COPY in parts', () => {
  it('cuts at the first line end after each part size, runs the merge between parts, and keeps every line in order', async () => {
    const { parts, open } = copies();
    let merges = 0;
    const copy = partedCopy(open, async () => void merges++, 1000);
    const text = lines(500).join('');
    // Written in pieces that cut lines in two, as a pipe delivers them.
    for (let i = 0; i < text.length; i += 777) copy.stream.write(text.slice(i, i + 777));
    copy.stream.end();
    await finished(copy.stream);
    expect(parts.join('')).toBe(text);
    expect(parts.length).toBeGreaterThan(10);
    expect(merges).toBe(parts.length - 1);
    for (const p of parts.slice(0, -1)) {
      expect(p.endsWith('\n')).toBe(true);
      expect(p.length).toBeGreaterThanOrEqual(1000);
      expect(p.length).toBeLessThan(1000 + 50);
    }
  });

  it('takes in the next text while a part is merged, so the reader goes on', async () => {
    const { open } = copies();
    let release!: () => void;
    const merging = new Promise<void>((r) => (release = r));
    let merged = false;
    const copy = partedCopy(
      open,
      async () => {
        await merging;
        merged = true;
      },
      100,
    );
    const accepted: number[] = [];
    const text = lines(50);
    for (const [i, l] of text.entries()) copy.stream.write(l, () => accepted.push(i));
    await new Promise((r) => setTimeout(r, 20));
    // The first part is being merged, and every later line has been taken in meanwhile.
    expect(merged).toBe(false);
    expect(accepted).toHaveLength(text.length);
    release();
    copy.stream.end();
    await finished(copy.stream);
    expect(merged).toBe(true);
  });

  it('fails the writer when a merge fails, and the end too', async () => {
    const { open } = copies();
    const copy = partedCopy(open, () => Promise.reject(new Error('merge mislukt')), 100);
    const failure = finished(copy.stream);
    for (const l of lines(50)) copy.stream.write(l, () => undefined);
    copy.stream.end();
    await expect(failure).rejects.toThrow('merge mislukt');
    expect(() => copy.throwIfFailed()).toThrow('merge mislukt');
  });

  it('keeps a failure that comes after the writer stopped listening, for the end to report', async () => {
    const { open } = copies();
    const copy = partedCopy(open, () => Promise.reject(new Error('merge mislukt')), 100);
    // More than is taken in ahead: the last writes wait, and their callbacks get the failure while
    // nobody listens (readUpload stops listening once the reader is done). That must not be an
    // unhandled error event; the end reports it, as process-upload awaits it.
    const line = Buffer.alloc(1024 * 1024, 'x');
    line[line.length - 1] = 10;
    for (let i = 0; i < 18; i++) copy.stream.write(line);
    await new Promise((r) => setTimeout(r, 50));
    copy.stream.end();
    await expect(finished(copy.stream)).rejects.toThrow('merge mislukt');
  });
});
