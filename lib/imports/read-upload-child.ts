// The child process of readUpload (read-upload.ts): reads and decrypts the stored upload itself (the
// portal never holds the plaintext; a large text file is read in slices, never whole), writes COPY
// lines on stdout and the report as JSON on fd 3.
// Arguments: <agbCode> <JEUGD|WMO> <copy|validate> <uploadId> <storage path>.
import { createWriteStream } from 'node:fs';
import { setPriority } from 'node:os';
import { finished } from 'node:stream/promises';
import { StoredFileUnreadable, storedUpload } from '@/lib/uploads/file-store';
import { writeCopyLines } from './copy-lines';
import { STORED_FILE_UNREADABLE } from './file-report';
import type { FileReport } from './validate-file';

/** Niceness of the reader (0 normal, 19 lowest). */
const READER_NICENESS = 10;

// The import yields to the people using the portal (README, Aanleveren en importeren): this process
// runs at a lower priority, and so do the validation workers it starts after this line (a thread
// inherits its creator's). A busy portal then gets the cores first; an idle one leaves them to the import.
setPriority(READER_NICENESS);

const [agbCode, domein, mode, uploadId, storagePath] = process.argv.slice(2);
const unreadable: FileReport = { rows: 0, accepted: 0, rejected: 0, errors: [], fileError: STORED_FILE_UNREADABLE };
const file = await storedUpload(uploadId, storagePath).catch(() => null);
// An altered stored file fails its tag at the end of a pass (the first, for a large text file, before
// any row is checked): refused whole; the caller drops what was staged.
const report: FileReport = file
  ? await writeCopyLines(
      file,
      agbCode,
      domein === 'WMO' ? 'WMO' : 'JEUGD',
      mode === 'copy' ? process.stdout : null,
    ).catch((err: unknown) => {
      if (err instanceof StoredFileUnreadable) return unreadable;
      throw err;
    })
  : unreadable;
const reportOut = createWriteStream('', { fd: 3 });
reportOut.end(JSON.stringify(report));
await finished(reportOut);
if (mode === 'copy') await new Promise<void>((resolve) => process.stdout.end(resolve));
