import type { AuditActor } from '@/lib/audit/write-audit';

/** Who is asking: a signed-in user, or an organisation's API token. */
export type ScopeUser = AuditActor & {
  organisationKind: 'TTP' | 'AANBIEDER' | 'GEMEENTE' | 'REGIO';
  agbCode: string | null;
  /** GEMEENTE: its own CBS code; REGIO: the member municipalities' codes. */
  gemeenteCodes: string[];
};

/** The signed-in user as re-read from the database on this request. */
export type SessionUser = ScopeUser & { userId: string; name: string; sessionId: string };
