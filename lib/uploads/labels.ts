import type { UploadKind, UploadStatus } from '@/lib/generated/prisma/enums';

export const STATUS_LABEL = {
  ONTVANGEN: 'ontvangen',
  IN_VERWERKING: 'in verwerking',
  VERWERKT: 'verwerkt',
  VERWERKT_MET_FOUTEN: 'verwerkt met fouten',
  AFGEWEZEN: 'afgewezen',
} as const satisfies Record<UploadStatus, string>;

export const KIND_LABEL = { TEST: 'testbestand', PRODUCTIE: 'productiebestand' } as const satisfies Record<
  UploadKind,
  string
>;
