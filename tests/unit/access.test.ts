import { describe, expect, it } from 'vitest';
import { navigationFor } from '@/lib/access/navigation';
import { can, PERMISSIONS } from '@/lib/access/permissions';
import { ROLES } from '@/lib/access/roles';
import { expectScope, scopeFor } from '@/lib/access/scope';
import type { SessionUser } from '@/lib/auth/session-user';
import type { Role } from '@/lib/generated/prisma/enums';

const user = (role: Role, extra: Partial<SessionUser> = {}): SessionUser => ({
  sessionId: 's',
  userId: 'u',
  email: 'e',
  name: 'n',
  role,
  organisationId: 'org-1',
  organisationName: 'Org',
  organisationKind: ROLES[role].organisationKind,
  agbCode: null,
  gemeenteCodes: [],
  ...extra,
});

describe('permissions', () => {
  it('gives the TTP no access to client-level pages', () => {
    expect(can('TTP_BEHEER', 'aanbieder:start')).toBe(false);
    expect(can('TTP_BEHEER', 'gemeente:start')).toBe(false);
  });
  it('keeps providers and municipalities out of each other’s and the TTP’s pages', () => {
    for (const role of ['AANBIEDER_UPLOAD', 'AANBIEDER_INZAGE'] as const) {
      expect(can(role, 'gemeente:start')).toBe(false);
      expect(can(role, 'beheer:start')).toBe(false);
    }
    for (const role of ['GEMEENTE', 'REGIO'] as const) {
      expect(can(role, 'aanbieder:start')).toBe(false);
      expect(can(role, 'mail:outbox')).toBe(false);
    }
  });
  it('lets every role open its own start page', () => {
    const pagePermission = {
      '/beheer': 'beheer:start',
      '/aanbieder': 'aanbieder:start',
      '/gemeente': 'gemeente:start',
    } as const;
    for (const [role, info] of Object.entries(ROLES))
      expect(can(role as Role, pagePermission[info.startPage])).toBe(true);
  });
  it('names only known roles', () => {
    const roles = Object.keys(ROLES);
    for (const allowed of Object.values(PERMISSIONS)) for (const r of allowed) expect(roles).toContain(r);
  });
});

describe('scope', () => {
  it('scopes a provider to its own organisation and AGB code', () => {
    const s = expectScope(scopeFor(user('AANBIEDER_INZAGE', { agbCode: '12345678' })), 'aanbieder');
    expect(s.aanbiederId).toBe('org-1');
    expect(s.agbCode).toBe('12345678');
  });
  it('scopes a region to its member municipalities and a municipality to itself', () => {
    expect(expectScope(scopeFor(user('REGIO', { gemeenteCodes: ['0784', '0855'] })), 'gemeente').gemeenteCodes).toEqual(
      ['0784', '0855'],
    );
    expect(expectScope(scopeFor(user('GEMEENTE', { gemeenteCodes: ['0855'] })), 'gemeente').gemeenteCodes).toEqual([
      '0855',
    ]);
  });
  it('refuses a provider account without AGB code and a mismatched narrowing', () => {
    expect(() => scopeFor(user('AANBIEDER_UPLOAD'))).toThrow();
    expect(() => expectScope(scopeFor(user('TTP_BEHEER')), 'gemeente')).toThrow();
  });
});

describe('navigation', () => {
  it('shows each role only its own items', () => {
    const ttp = navigationFor('TTP_BEHEER').map((i) => i.label);
    expect(ttp).toContain('Auditlog');
    expect(ttp).not.toContain('Aanleveren');
    expect(navigationFor('GEMEENTE').map((i) => i.label)).not.toContain('Accounts');
    expect(navigationFor('AANBIEDER_INZAGE').every((i) => can('AANBIEDER_INZAGE', i.permission))).toBe(true);
  });
});
