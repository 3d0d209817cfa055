import type { Scope } from '@/lib/access/scope';
import type { Domein, UploadKind } from '@/lib/generated/prisma/enums';
import { requestTestImport } from '@/lib/jobs/boss';
import { deliverUpload } from '@/lib/services/uploads/deliver-upload';
import { requestBody } from '@/lib/uploads/read-body';
import { uploadMaxBytes } from '@/lib/uploads/receive-upload';

/**
 * The one path of a delivered file, from the browser (`/api/uploads`) and from a provider's system
 * (`/api/v1/aanleveringen`): the body streamed up to the size limit into encrypted storage (never held
 * whole; both routes are outside the proxy, which would buffer it: proxy.ts), the agreement checked before a byte is stored, the receipt after, and a test file queued at
 * once (the per-minute sweep takes it otherwise).
 */
export async function deliverFile(
  scope: Extract<Scope, { kind: 'aanbieder' }>,
  req: Request,
  file: { kind: UploadKind; domein: Domein; fileName: string; address: string | null },
) {
  const content = requestBody(req, uploadMaxBytes());
  const receipt = await deliverUpload(scope, { ...file, content });
  if (file.kind === 'TEST' && !receipt.duplicate) await requestTestImport().catch(() => undefined);
  return receipt;
}
