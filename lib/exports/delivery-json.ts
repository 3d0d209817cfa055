import type { UploadKind, UploadStatus } from '@/lib/generated/prisma/enums';
import type { FileReport } from '@/lib/imports/validate-file';
import { STATUS_LABEL } from '@/lib/uploads/labels';

// A delivery's state as the delivery API answers it (docs in lib/api-docs/openapi.ts): the same
// figures and row report the provider's upload page shows.

type UploadWithReport = {
  id: string;
  fileName: string;
  kind: UploadKind;
  status: UploadStatus;
  receivedAt: Date;
  processedAt: Date | null;
  sizeBytes: bigint;
  sha256: string;
  rowCount: number | null;
  acceptedCount: number | null;
  rejectedCount: number | null;
  report: FileReport | null;
};

export const deliveryStatusJson = (u: UploadWithReport) => ({
  id: u.id,
  fileName: u.fileName,
  kind: u.kind,
  sizeBytes: Number(u.sizeBytes),
  sha256: u.sha256,
  receivedAt: u.receivedAt,
  status: u.status,
  statusLabel: STATUS_LABEL[u.status],
  processedAt: u.processedAt,
  rowCount: u.rowCount,
  acceptedCount: u.acceptedCount,
  rejectedCount: u.rejectedCount,
  writtenCount: u.report?.written ?? null,
  fileError: u.report?.fileError ?? null,
  errors: u.report?.errors ?? [],
});
