import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkReachableForPostgres } from '@/scripts/embedded-db';

// npm start as root from a clone in a directory others cannot enter: a Dutch message up front,
// not a raw EACCES stack from initdb.
describe.runIf(process.getuid?.() === 0)('the embedded database as root', () => {
  it('says in Dutch which directory postgres cannot enter, and what to do', () => {
    const closed = mkdtempSync(path.join(os.tmpdir(), 'gp-700-')); // mkdtemp makes it mode 700
    const data = path.join(closed, 'kloon', '.data');
    mkdirSync(data, { recursive: true });
    expect(() => checkReachableForPostgres(data)).toThrow(new RegExp(`map ${closed} niet in.*chmod o\\+x`, 's'));
  });
  it('lets a directory through that everyone may pass', () => {
    expect(() => checkReachableForPostgres(os.tmpdir())).not.toThrow();
  });
});
