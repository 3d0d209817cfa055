import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Permission } from '../../../lib/access/permissions';

// The app/ tree as the access matrix and the page walk read it: files by name, and the URL each
// folder answers at (route groups such as "(portal)" left out, "[id]" kept as written).

export const APP = path.join(process.cwd(), 'app');

export const filesNamed = (name: string, dir = APP): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? filesNamed(name, path.join(dir, d.name)) : d.name === name ? [path.join(dir, d.name)] : [],
  );

export const urlOf = (file: string) =>
  `/${path
    .relative(APP, path.dirname(file))
    .split(path.sep)
    .filter((s) => s && !/^\(.*\)$/.test(s))
    .join('/')}`;

/** One demo account per role. */
export const DEMO_ROLES = [
  { role: 'TTP_BEHEER', email: 'beheer@gemeenteportaal.demo' },
  { role: 'AANBIEDER_UPLOAD', email: 'aanbieder@gemeenteportaal.demo' },
  { role: 'AANBIEDER_INZAGE', email: 'inzage@gemeenteportaal.demo' },
  { role: 'GEMEENTE', email: 'gemeente@gemeenteportaal.demo' },
  { role: 'REGIO', email: 'regio@gemeenteportaal.demo' },
] as const;

/** The permission a page, route or action asks for, read from its source (requireScope, or runRoute's and runForm's `permission:`). */
export const permissionIn = (source: string): Permission | null =>
  (/requireScope\(\s*'([a-z:-]+)'/.exec(source) ?? /permission: '([a-z:-]+)'/.exec(source))?.[1] as Permission | null;
