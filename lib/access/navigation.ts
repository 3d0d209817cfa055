import type { Role } from '@/lib/generated/prisma/enums';
import { can, type Permission } from './permissions';

export type NavItem = { label: string; href?: string; permission: Permission };

// The navigation shows only what a role may use.
const NAV: NavItem[] = [
  { label: 'Start', href: '/aanbieder', permission: 'aanbieder:start' },
  { label: 'Aanleveren', href: '/aanbieder/aanleveren', permission: 'upload:create' },
  { label: 'Uploadgeschiedenis', href: '/aanbieder/uploads', permission: 'upload:view' },
  { label: 'Bestandsformaat', href: '/bestandsformaat', permission: 'upload:view' },
  { label: 'Dashboard', href: '/dashboard', permission: 'aanbieder:start' },
  { label: 'Spiegelrapportage', href: '/spiegelrapportage', permission: 'aanbieder:start' },
  { label: 'Kwaliteitsgesprekken', href: '/kwaliteitsgesprekken', permission: 'aanbieder:start' },
  { label: 'Uw gegevens', href: '/aanbieder/gegevens', permission: 'privacy:view' },
  { label: 'Start', href: '/gemeente', permission: 'gemeente:start' },
  { label: 'Dashboard', href: '/dashboard', permission: 'gemeente:start' },
  { label: 'Spiegelrapportages', href: '/spiegelrapportage', permission: 'gemeente:start' },
  { label: 'Kwaliteitsgesprekken', href: '/kwaliteitsgesprekken', permission: 'gemeente:start' },
  { label: 'API-tokens', href: '/api-tokens', permission: 'api-token:issue' },
  { label: 'Start', href: '/beheer', permission: 'beheer:start' },
  { label: 'Organisaties', href: '/beheer/organisaties', permission: 'organisations:manage' },
  { label: 'Accounts', href: '/beheer/accounts', permission: 'accounts:manage' },
  { label: 'Inlogdiensten (SSO)', href: '/beheer/inlogdiensten', permission: 'organisations:manage' },
  { label: 'Aanmeldingen', href: '/beheer/aanmeldingen', permission: 'organisations:manage' },
  { label: 'Verwerkersovereenkomsten', href: '/beheer/overeenkomsten', permission: 'agreements:manage' },
  { label: 'Volwassenheid', href: '/beheer/volwassenheid', permission: 'beheer:start' },
  { label: 'Verwerking', href: '/beheer/verwerking', permission: 'processing:monitor' },
  { label: 'Overzichten', href: '/beheer/overzichten', permission: 'processing:monitor' },
  { label: 'Verwerkingsregister', href: '/beheer/verwerkingsregister', permission: 'register:view' },
  { label: 'Auditlog', href: '/beheer/auditlog', permission: 'audit:view' },
  { label: 'Uitgaande e-mail', href: '/beheer/mail', permission: 'mail:outbox' },
  { label: 'API-tokens', href: '/beheer/api-tokens', permission: 'api-token:manage' },
];

export const navigationFor = (role: Role) => NAV.filter((item) => can(role, item.permission));
