import { checkCaller } from '@/lib/access/check-caller';
import type { Scope } from '@/lib/access/scope';
import type { Domein, UploadKind } from '@/lib/generated/prisma/enums';
import type { FileContent } from '@/lib/uploads/file-store';
import { type Receipt, receiveUpload } from '@/lib/uploads/receive-upload';

/**
 * A provider delivers a file through the portal: the provider is the scope's own, never one named in
 * the request, and the delivering user is on the upload and in the audit log. (The command-line import
 * of the TTP calls receiveUpload itself, for a provider it names.)
 */
export function deliverUpload(
  scope: Extract<Scope, { kind: 'aanbieder' }>,
  input: { content: FileContent; fileName: string; kind: UploadKind; domein: Domein; address: string | null },
): Promise<Receipt> {
  checkCaller(scope, 'upload:create', 'aanbieder');
  return receiveUpload({ ...input, aanbiederId: scope.aanbiederId, actor: scope.user });
}
