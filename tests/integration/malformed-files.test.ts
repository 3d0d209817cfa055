import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { PARALLEL_FROM_BYTES } from '@/lib/imports/copy-lines';
import { processUpload } from '@/lib/imports/process-upload';
import type { FileReport } from '@/lib/imports/validate-file';
import { receiveUpload } from '@/lib/uploads/receive-upload';

// The corpus of malformed files (tests/fixtures/malformed, see make-malformed.ts) through the real
// path: receive as a test file, process as the job does. Each gets its Dutch answer; none crashes.
const dir = path.join(process.cwd(), 'tests', 'fixtures', 'malformed');
const { agbCode, files } = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as {
  agbCode: string;
  files: Record<string, { fileError: string } | { line: number; field: string; code: string }>;
};
const generated: Record<string, [() => Buffer, { fileError: string }]> = {
  'zip-bom.xlsx': [
    () => Buffer.from(zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(300 * 1024 * 1024) }, { level: 9 })),
    { fileError: 'zip-bom' },
  ],
  // Named as a delivery, but something else inside: the answer says what it is.
  'pdf-als-excel.xlsx': [
    () => Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n'),
    { fileError: 'een PDF-document' },
  ],
  'word-als-excel.xlsx': [
    () => Buffer.from(zipSync({ 'word/document.xml': new TextEncoder().encode('<w:document/>') })),
    { fileError: 'een Word-document' },
  ],
  // Above PARALLEL_FROM_BYTES a file is read in slices, never whole (validate-workers.ts): the same
  // answers from the zip check over the slices. Random bytes, stored, make the zips that large.
  'word-als-excel-groot.xlsx': [
    () =>
      large(
        zipSync({
          'word/document.xml': new TextEncoder().encode('<w:document/>'),
          'word/media/beeld.bin': [randomBytes(3 * 1024 * 1024), { level: 0 }],
        }),
      ),
    { fileError: 'een Word-document' },
  ],
  'zip-bom-groot.xlsx': [
    () =>
      large(
        zipSync({
          'xl/media/opvulling.bin': [randomBytes(3 * 1024 * 1024), { level: 0 }],
          'xl/worksheets/sheet1.xml': [new Uint8Array(50 * 1024 * 1024), { level: 9 }],
        }),
      ),
    { fileError: 'zip-bom' },
  ],
  'afgebroken-groot.xlsx': [
    () => {
      const whole = zipSync({
        'xl/workbook.xml': new TextEncoder().encode('<workbook/>'),
        'xl/media/opvulling.bin': [randomBytes(5 * 1024 * 1024), { level: 0 }],
      });
      return large(whole.subarray(0, Math.floor(whole.length * 0.7)));
    },
    { fileError: 'beschadigd of onvolledig' },
  ],
  'een-regel-van-10-mb.csv': [
    () => Buffer.from(`agb_code;pseudo_id;${'x'.repeat(10 * 1024 * 1024)}`),
    { fileError: 'langer dan' },
  ],
};

function large(bytes: Uint8Array): Buffer {
  expect(bytes.length).toBeGreaterThan(PARALLEL_FROM_BYTES);
  return Buffer.from(bytes);
}

let aanbiederId: string;
beforeAll(async () => {
  const existing = await db().organisation.findUnique({ where: { agbCode } });
  aanbiederId = (
    existing ?? (await db().organisation.create({ data: { kind: 'AANBIEDER', name: 'Fixture-aanbieder', agbCode } }))
  ).id;
});

async function answer(name: string, content: Buffer): Promise<FileReport> {
  try {
    const receipt = await receiveUpload({ aanbiederId, content, fileName: name, kind: 'TEST' });
    await processUpload(receipt.id);
    return (await db().upload.findUniqueOrThrow({ where: { id: receipt.id } })).report as unknown as FileReport;
  } catch (err) {
    if (err instanceof AppError) return { rows: 0, accepted: 0, rejected: 0, errors: [], fileError: err.message };
    throw err;
  }
}

describe('malformed files', () => {
  it('has a corpus of at least 30 files, each with an expected answer', () => {
    const onDisk = readdirSync(dir).filter((f) => f !== 'expected.json');
    expect(onDisk.sort()).toEqual(Object.keys(files).sort());
    expect(onDisk.length + Object.keys(generated).length).toBeGreaterThanOrEqual(30);
  });

  for (const [name, expected] of Object.entries(files)) {
    it(name, async () => {
      const report = await answer(name, readFileSync(path.join(dir, name)));
      if ('fileError' in expected) {
        expect(report.fileError).toContain(expected.fileError);
      } else {
        expect(report.fileError).toBeUndefined();
        expect(report.errors).toContainEqual(expect.objectContaining(expected));
        const e = report.errors.find((x) => x.code === expected.code)!;
        expect(e.message.length).toBeGreaterThan(10); // a sentence, in Dutch, saying what was expected
        expect(JSON.stringify(report)).not.toContain('111222333'); // a BSN is never stored, not even in the report
      }
    });
  }

  for (const [name, [make, expected]] of Object.entries(generated)) {
    it(name, async () => {
      expect((await answer(name, make())).fileError).toContain(expected.fileError);
    });
  }
});
