import { isUtf8 } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { utf8Check } from '@/lib/cbs/decode-text';
import { openText, openTextSlices } from '@/lib/cbs/read-text-records';
import { exampleRecords, toCsv } from '@/lib/cbs/write-files';

// A large upload is read in slices (memory flat in the file's size): the encoding decided over the
// slices must be the one decided over the whole file, wherever a slice ends, and a head that cannot
// place the file sends it back to the whole-file path.

const slicesOf = (buf: Buffer, size: number) =>
  async function* () {
    for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
  };

describe('the encoding over slices', () => {
  it('is UTF-8 for valid UTF-8 cut anywhere, also inside a character of two, three or four bytes', () => {
    const text = Buffer.from('aé€😀 cliënt; ß\n'.repeat(3));
    for (let cut = 1; cut < text.length; cut++) {
      const check = utf8Check();
      check.push(text.subarray(0, cut));
      check.push(text.subarray(cut));
      expect(check.whole(), `cut at ${cut}`).toBe(true);
    }
  });

  it('is not UTF-8 when any byte is not, also a lone lead byte at the very end or a stray continuation byte', () => {
    const cases = [
      Buffer.concat([Buffer.from('abc'), Buffer.from([0xe9]), Buffer.from('def')]), // é in Windows-1252
      Buffer.concat([Buffer.from('abc'), Buffer.from([0xe2, 0x82])]), // € cut off at the end of the file
      Buffer.concat([Buffer.from('ab'), Buffer.from([0x80, 0x80, 0x80, 0x80]), Buffer.from('c')]),
    ];
    for (const bytes of cases) {
      expect(isUtf8(bytes)).toBe(false);
      for (let size = 1; size <= bytes.length; size++) {
        const check = utf8Check();
        for (let i = 0; i < bytes.length; i += size) check.push(bytes.subarray(i, i + size));
        expect(check.whole(), `${bytes.toString('hex')} in slices of ${size}`).toBe(false);
      }
    }
  });
});

describe('opening a text file from its slices', () => {
  const csv = Buffer.from(toCsv(exampleRecords('12345678')));

  it('finds the format, encoding and body of the whole file', async () => {
    const whole = openText(csv);
    expect(await openTextSlices(slicesOf(csv, 7))).toEqual(whole);
    const latin = Buffer.concat([csv, Buffer.from([0xe9, 0x0a])]);
    expect((await openTextSlices(slicesOf(latin, 1024 * 1024)))?.encoding).toBe('windows-1252');
  });

  it('leaves a file whose first line is not whole in the head to the whole-file path', async () => {
    for (const blankLines of [1024 * 1024 + 10, 1024 * 1024 - 5]) {
      // only empty lines in the head, or the header cut by the head's end ("agb_c" would read as fixed width)
      const blank = Buffer.concat([Buffer.from('\n'.repeat(blankLines)), csv]);
      expect(await openTextSlices(slicesOf(blank, 1024 * 1024))).toBeNull();
      expect(openText(blank).format.kind).toBe('csv');
    }
  });
});
