// The child process of readUpload (read-upload.ts): the file on stdin, COPY lines on stdout, the
// report as JSON on fd 3. Arguments: <agbCode> <copy|validate> <size in bytes>.
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { writeCopyLines } from './copy-lines';

const [agbCode, mode, size] = process.argv.slice(2);
// Read into one buffer of the announced size: the file is in memory once, not once per chunk and again joined.
const file = Buffer.allocUnsafe(Number(size));
let filled = 0;
for await (const part of process.stdin) filled += (part as Buffer).copy(file, filled);
const report = await writeCopyLines(file.subarray(0, filled), agbCode, mode === 'copy' ? process.stdout : null);
const reportOut = createWriteStream('', { fd: 3 });
reportOut.end(JSON.stringify(report));
await finished(reportOut);
if (mode === 'copy') await new Promise<void>((resolve) => process.stdout.end(resolve));
