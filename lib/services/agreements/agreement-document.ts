import { createHash } from 'node:crypto';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { readUploadFile, storeUploadFile } from '@/lib/uploads/file-store';
import { fileTooBig } from '@/lib/uploads/read-body';

// The signed PDF of a verwerkersovereenkomst, stored encrypted like uploads (AES-256-GCM with the
// data key, bound to its name), under UPLOAD_DIR/overeenkomsten/. It is not deleted by the upload
// retention: the agreement is the legal basis for everything the provider delivered.

const storageId = (agreementId: string) => `overeenkomsten/${agreementId}`;

/** Refuses anything that is not a PDF: the header at the start and the end-of-file marker near the end. */
export function checkPdf(content: Buffer): void {
  const max = env().AGREEMENT_PDF_MAX_MB * 1024 * 1024;
  if (content.length === 0) throw new AppError('Kies het ondertekende PDF-bestand.', 400, 'GEEN_BESTAND');
  if (content.length > max) throw fileTooBig(max);
  const head = content.subarray(0, 1024).toString('latin1');
  const tail = content.subarray(Math.max(0, content.length - 2048)).toString('latin1');
  if (!head.startsWith('%PDF-') || !tail.includes('%%EOF')) {
    throw new AppError('Dit is geen PDF-bestand. Upload de ondertekende overeenkomst als PDF.', 400, 'GEEN_PDF');
  }
}

export async function storeAgreementDocument(agreementId: string, content: Buffer) {
  checkPdf(content);
  const path = await storeUploadFile(storageId(agreementId), content);
  return { path, sha256: createHash('sha256').update(content).digest('hex') };
}

export async function readAgreementDocument(agreementId: string, path: string, sha256: string | null): Promise<Buffer> {
  const content = await readUploadFile(storageId(agreementId), path);
  if (sha256 && createHash('sha256').update(content).digest('hex') !== sha256)
    throw new Error(`Overeenkomst ${agreementId}: hash klopt niet`);
  return content;
}
