// The child process of readUpload (read-upload.ts): the file on stdin, COPY lines on stdout, the
// report as JSON on fd 3. Arguments: <agbCode> <copy|validate>.
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { writeCopyLines } from './copy-lines';

const [agbCode, mode] = process.argv.slice(2);
const parts: Buffer[] = [];
for await (const part of process.stdin) parts.push(part as Buffer);
const report = await writeCopyLines(Buffer.concat(parts), agbCode, mode === 'copy' ? process.stdout : null);
const reportOut = createWriteStream('', { fd: 3 });
reportOut.end(JSON.stringify(report));
await finished(reportOut);
if (mode === 'copy') await new Promise<void>((resolve) => process.stdout.end(resolve));
