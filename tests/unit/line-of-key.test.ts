import { describe, expect, it } from 'vitest';
import { hashOf, LineOfKey } from '@/lib/imports/line-of-key';

// The import's "a key once per file" rule keeps its keys in LineOfKey instead of a Map: it must
// answer exactly as a Map would, also for keys that share a hash, are prefixes of each other or
// are not ASCII.

/** Two different keys with the same 32-bit hash (they then share a slot chain). */
function twoKeysOfOneHash(): [string, string] {
  const byHash = new Map<number, string>();
  for (let i = 0; ; i++) {
    const key = `K-${i}\u0000`;
    const other = byHash.get(hashOf(key));
    if (other !== undefined) return [other, key];
    byHash.set(hashOf(key), key);
  }
}

describe('LineOfKey', () => {
  it('answers as a Map for 200,000 keys with duplicates, shared hashes, prefixes and non-ASCII keys', () => {
    const [c1, c2] = twoKeysOfOneHash();
    const keys: string[] = ['', 'A', 'AB', 'A\u0000', 'A\u00001', 'é\u00002', '😀-ü', 'x'.repeat(700), c1, c2, c2, c1];
    let seed = 7;
    const random = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed;
    };
    for (let i = 0; i < 200_000; i++) keys.push(`TR-${random() % 150_000}\u0000${random() % 3 || ''}`);
    const reference = new Map<string, number>();
    const set = new LineOfKey();
    let duplicates = 0;
    // one assertion over all answers: 200,000 calls of expect() took seconds on a busy machine
    const wrong: { key: string; line: number; got: number | undefined; expected: number | undefined }[] = [];
    keys.forEach((key, i) => {
      const expected = reference.get(key);
      if (expected === undefined) reference.set(key, i + 1);
      else duplicates += 1;
      const got = set.firstLineOrAdd(key, i + 1);
      if (got !== expected) wrong.push({ key, line: i + 1, got, expected });
    });
    expect(wrong).toEqual([]);
    expect(set.size).toBe(reference.size);
    expect(duplicates).toBeGreaterThan(10_000);
    expect(set.firstLineOrAdd(c2, 0)).toBe(10);
    expect(set.firstLineOrAdd(c1, 0)).toBe(9);
  });
});
