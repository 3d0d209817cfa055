import { createHash, randomUUID } from 'node:crypto';
import { type AuditActor, writeAudit } from '@/lib/audit/write-audit';
import { DOMEIN_LABEL } from '@/lib/cbs/layout';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import type { Domein, UploadKind } from '@/lib/generated/prisma/enums';
import { deleteUploadFile, storeUploadFile } from './file-store';
import { agreementDomains } from './has-current-agreement';

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

/**
 * Stores an upload durably (encrypted) before the receipt is given. The same bytes from the same
 * provider as the same kind are recognised: the earlier upload's receipt comes back, nothing new.
 * `aanbiederId` comes from the caller's Scope, never from the request.
 */
export async function receiveUpload(input: {
  aanbiederId: string;
  actor?: AuditActor;
  content: Buffer;
  fileName: string;
  kind: UploadKind;
  /** Jeugd unless the provider says Wmo. */
  domein?: Domein;
  address?: string | null;
}): Promise<Receipt> {
  const { content, kind } = input;
  const domein = input.domein ?? 'JEUGD';
  if (content.length === 0) throw new AppError('Het bestand is leeg.');
  if (content.length > env().UPLOAD_MAX_MB * 1024 * 1024)
    throw new AppError(`Het bestand is groter dan ${env().UPLOAD_MAX_MB} MB.`, 400, 'TE_GROOT');
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
  const sha256 = createHash('sha256').update(content).digest('hex');
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
  const existing = await db().upload.findUnique({ where });
  if (existing) return receipt(existing, true);

  const id = randomUUID();
  const storagePath = await storeUploadFile(id, content);
  try {
    const upload = await db().upload.create({
      data: {
        id,
        aanbiederId: input.aanbiederId,
        uploadedById: input.actor?.userId,
        kind,
        domein,
        fileName,
        sizeBytes: content.length,
        sha256,
        storagePath,
      },
    });
    await writeAudit({
      event: 'upload.ontvangen',
      actor: input.actor,
      object: `upload ${id} (${kind.toLowerCase()}, ${DOMEIN_LABEL[domein]}, ${content.length} bytes)`,
      address: input.address,
    });
    return receipt(upload, false);
  } catch (err) {
    await deleteUploadFile(storagePath);
    const raced = await db().upload.findUnique({ where }); // the same file, sent twice at once
    if (raced) return receipt(raced, true);
    throw err;
  }
}
