// The file's keys (trajectnummer and respondent) with the line each was first seen on, for the rule
// "a key once per file" (validate-file.ts). A Map of a million short strings costs ~150 MB and a
// million live objects for the garbage collector to walk; here the keys are UTF-8 bytes in one
// growing buffer, found through an open-addressing table of typed arrays: ~35 bytes a key. Exact:
// two keys are the same only when their bytes are.

const INITIAL = 1 << 12;

/** FNV-1a over the UTF-16 code units: only spreads the keys over the table; equality is checked on the bytes. */
export function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const grown = <T extends Int32Array | Uint32Array>(from: T, to: T): T => {
  to.set(from);
  return to;
};

export class LineOfKey {
  private count = 0;
  /** slot → entry + 1 (0 is empty); length a power of two, at most half full. */
  private slots = new Int32Array(INITIAL * 2);
  private hashes = new Uint32Array(INITIAL);
  private lines = new Int32Array(INITIAL);
  private starts = new Int32Array(INITIAL + 1);
  private bytes = Buffer.allocUnsafe(INITIAL * 16);
  private probe = Buffer.allocUnsafe(256);

  get size(): number {
    return this.count;
  }

  /** The line `key` was first seen on; otherwise undefined, and `key` is remembered with `line`. */
  firstLineOrAdd(key: string, line: number): number | undefined {
    const length = Buffer.byteLength(key, 'utf8');
    if (length > this.probe.length) this.probe = Buffer.allocUnsafe(length * 2);
    this.probe.write(key, 0, 'utf8');
    const hash = hashOf(key);
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (let entry = this.slots[slot]; entry !== 0; entry = this.slots[slot]) {
      const e = entry - 1;
      if (this.hashes[e] === hash && this.sameBytes(e, length)) return this.lines[e];
      slot = (slot + 1) & mask;
    }
    this.add(slot, hash, line, length);
    return undefined;
  }

  private sameBytes(e: number, length: number): boolean {
    const start = this.starts[e];
    return (
      this.starts[e + 1] - start === length && this.bytes.compare(this.probe, 0, length, start, start + length) === 0
    );
  }

  private add(slot: number, hash: number, line: number, length: number) {
    const e = this.count;
    if (e === this.hashes.length) this.growEntries();
    const start = this.starts[e];
    if (start + length > this.bytes.length) {
      const bytes = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, start + length));
      this.bytes.copy(bytes, 0, 0, start);
      this.bytes = bytes;
    }
    this.probe.copy(this.bytes, start, 0, length);
    this.starts[e + 1] = start + length;
    this.hashes[e] = hash;
    this.lines[e] = line;
    this.slots[slot] = e + 1;
    this.count += 1;
    if (this.count * 2 > this.slots.length) this.rehash();
  }

  private growEntries() {
    const size = this.hashes.length * 2;
    this.hashes = grown(this.hashes, new Uint32Array(size));
    this.lines = grown(this.lines, new Int32Array(size));
    this.starts = grown(this.starts, new Int32Array(size + 1));
  }

  private rehash() {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let e = 0; e < this.count; e++) {
      let slot = this.hashes[e] & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = e + 1;
    }
    this.slots = slots;
  }
}
