import { createHash, type Hash, randomUUID } from 'node:crypto';
import { type AuditActor, writeAudit } from '@/lib/audit/write-audit';
import { DOMEIN_LABEL } from '@/lib/cbs/layout';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import type { Domein, UploadKind } from '@/lib/generated/prisma/enums';
import { chunksOf, deleteUploadFile, type FileContent, storeUploadFile } from './file-store';
import { agreementDomains } from './has-current-agreement';
import { fileTooBig } from './read-body';

export type Receipt = {
  id: string;
  receivedAt: Date;
  sizeBytes: number;
  sha256: string;
  kind: UploadKind;
  domein: Domein;
  fileName: string;
  duplicate: boolean;
};

/** The largest upload, in bytes (UPLOAD_MAX_MB): counted here, and refused early by its declared length in deliverFile. */
export const uploadMaxBytes = () => env().UPLOAD_MAX_MB * 1024 * 1024;

/** The chunks of `content` as they pass to the store, counted and hashed; past `maxBytes` it stops. */
async function* measured(content: FileContent, seen: { size: number; hash: Hash }, maxBytes: number) {
  for await (const chunk of chunksOf(content)) {
    seen.size += chunk.length;
    if (seen.size > maxBytes) throw fileTooBig(maxBytes);
    seen.hash.update(chunk);
    yield chunk;
  }
}

/**
 * Stores an upload durably (encrypted) before the receipt is given. The content may be a request's
 * body as it arrives: it is encrypted to disk chunk by chunk, counted and hashed on the way, and never
 * held whole (a 100 MB file costs the portal no 100 MB). The same bytes from the same provider as the
 * same kind are recognised: the earlier upload's receipt comes back, nothing new (the copy just
 * written is removed). `aanbiederId` comes from the caller's Scope, never from the request.
 */
export async function receiveUpload(input: {
  aanbiederId: string;
  actor?: AuditActor;
  content: FileContent;
  fileName: string;
  kind: UploadKind;
  /** Jeugd unless the provider says Wmo. */
  domein?: Domein;
  address?: string | null;
}): Promise<Receipt> {
  const { kind } = input;
  const domein = input.domein ?? 'JEUGD';
  if (kind === 'PRODUCTIE') {
    const covered = await agreementDomains(input.aanbiederId);
    if (covered.length === 0)
      throw new AppError(
        'U kunt nog geen productiebestanden aanleveren: er is geen ondertekende, geldige verwerkersovereenkomst. Lever eerst een testbestand aan en neem contact op met de TTP over de overeenkomst.',
        409,
        'GEEN_OVEREENKOMST',
      );
    if (!covered.includes(domein))
      throw new AppError(
        `Uw verwerkersovereenkomst dekt geen ${DOMEIN_LABEL[domein]}-gegevens (wel: ${covered.map((d) => DOMEIN_LABEL[d]).join(', ')}). Een testbestand kan wel; neem voor productie contact op met de TTP.`,
        409,
        'DOMEIN_NIET_IN_OVEREENKOMST',
      );
  }
  const fileName = input.fileName.replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 200) || 'bestand';
  const id = randomUUID();
  const seen = { size: 0, hash: createHash('sha256') };
  const storagePath = await storeUploadFile(id, measured(input.content, seen, uploadMaxBytes()));
  const sha256 = seen.hash.digest('hex');
  const receipt = (
    u: { id: string; receivedAt: Date; sizeBytes: bigint; fileName: string },
    duplicate: boolean,
  ): Receipt => ({
    id: u.id,
    receivedAt: u.receivedAt,
    sizeBytes: Number(u.sizeBytes),
    sha256,
    kind,
    domein,
    fileName: u.fileName,
    duplicate,
  });
  const where = { aanbiederId_kind_domein_sha256: { aanbiederId: input.aanbiederId, kind, domein, sha256 } };
  let upload: Parameters<typeof receipt>[0];
  try {
    if (seen.size === 0) throw new AppError('Het bestand is leeg.');
    const existing = await db().upload.findUnique({ where });
    if (existing) {
      await deleteUploadFile(storagePath);
      return receipt(existing, true);
    }
    upload = await db().upload.create({
      data: {
        id,
        aanbiederId: input.aanbiederId,
        uploadedById: input.actor?.userId,
        kind,
        domein,
        fileName,
        sizeBytes: seen.size,
        sha256,
        storagePath,
      },
    });
  } catch (err) {
    // No row points at the copy just written: it goes (once the row exists, the file is the upload's).
    await deleteUploadFile(storagePath);
    if (err instanceof AppError) throw err;
    const raced = await db().upload.findUnique({ where }); // the same file, sent twice at once
    if (raced) return receipt(raced, true);
    throw err;
  }
  await writeAudit({
    event: 'upload.ontvangen',
    actor: input.actor,
    object: `upload ${id} (${kind.toLowerCase()}, ${DOMEIN_LABEL[domein]}, ${seen.size} bytes)`,
    address: input.address,
  });
  return receipt(upload, false);
}
