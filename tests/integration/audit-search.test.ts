import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectScope } from '@/lib/access/scope';
import { AUDIT_EVENT_LABELS, eventLabel } from '@/lib/audit/event-labels';
import { writeAudit } from '@/lib/audit/write-audit';
import { safeCell } from '@/lib/exports/csv';
import { searchAudit, ZAuditFilters } from '@/lib/services/audit/search-audit';
import { makeAanbieder, makeTtp, makeUser, scopeOf } from './helpers/fixtures';

async function ttpScope() {
  return expectScope(await scopeOf((await makeUser('TTP_BEHEER', (await makeTtp()).id)).id), 'ttp');
}

describe('audit log search', () => {
  it('filters on user, organisation, action prefix and UTC day', async () => {
    const a = await makeAanbieder('Zoekbare aanbieder');
    const u = await makeUser('AANBIEDER_UPLOAD', a.id);
    const tag = `test.zoek.${randomUUID().slice(0, 8)}`;
    const actor = { userId: u.id, email: u.email, role: u.role, organisationId: a.id, organisationName: a.name };
    await writeAudit({ event: `${tag}.een`, actor, object: 'x' });
    await writeAudit({ event: `${tag}.twee`, actor, object: 'y' });
    await writeAudit({ event: `${tag}.drie`, object: 'zonder gebruiker' });
    const scope = await ttpScope();
    const search = (f: Record<string, string>) => searchAudit(scope, ZAuditFilters.parse(f));
    expect((await search({ actie: tag })).total).toBe(3);
    expect((await search({ actie: tag, gebruiker: u.email.toUpperCase() })).total).toBe(2);
    expect((await search({ actie: tag, organisatie: a.name.slice(0, 12).toLowerCase() })).total).toBe(2);
    const today = new Date().toISOString().slice(0, 10);
    expect((await search({ actie: tag, van: today, tot: today })).total).toBe(3);
    expect((await search({ actie: tag, tot: '2020-01-01' })).total).toBe(0);
  });

  it('finds events by the Dutch words shown in the log, such as "export"', async () => {
    const a = await makeAanbieder('Exporteur');
    const u = await makeUser('GEMEENTE', (await makeTtp()).id);
    const actor = { userId: u.id, email: u.email, role: u.role, organisationId: a.id, organisationName: a.name };
    await writeAudit({ event: 'dashboard:export', actor, object: 'uitval.csv' });
    await writeAudit({ event: 'dashboard:view', actor, object: 'uitval' });
    await writeAudit({ event: 'api:indicator', actor, object: 'uitval' });
    const scope = await ttpScope();
    const found = await searchAudit(scope, ZAuditFilters.parse({ actie: 'EXPORT', gebruiker: u.email }));
    expect(found.rows.map((r) => r.event).sort()).toEqual(['api:indicator', 'dashboard:export']);
    expect(eventLabel('dashboard:export')).toBe('cijfers geëxporteerd (export)');
    const viewed = await searchAudit(scope, ZAuditFilters.parse({ actie: 'dashboard bekeken', gebruiker: u.email }));
    expect(viewed.rows.map((r) => r.event)).toEqual(['dashboard:view']);
  });

  it('has a Dutch label for every event the code writes', () => {
    // every dotted event code on a line that writes or names an event, in the source of lib/ and app/
    const codes = new Set<string>();
    for (const dir of ['lib', 'app'])
      for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
        if (!/\.tsx?$/.test(file) || file.startsWith('generated')) continue;
        for (const line of readFileSync(path.join(dir, file), 'utf8').split('\n'))
          if (/event/i.test(line)) for (const m of line.matchAll(/'([a-z0-9-]+(?:\.[a-z0-9-]+)+)'/g)) codes.add(m[1]);
      }
    codes.add('uitloggen');
    expect(codes.size).toBeGreaterThan(40);
    expect([...codes].filter((c) => !(c in AUDIT_EVENT_LABELS))).toEqual([]);
    // and the template-built ones
    for (const kind of ['rol', 'deactiveren', 'activeren', '2fa-resetten', 'uitnodiging-opnieuw'])
      expect(AUDIT_EVENT_LABELS).toHaveProperty([`account.${kind}`]);
    for (const change of ['lid-toevoegen', 'lid-verwijderen', 'centrumgemeente'])
      expect(AUDIT_EVENT_LABELS).toHaveProperty([`regio.${change}`]);
  });

  it('ignores malformed filter values instead of failing', () => {
    expect(ZAuditFilters.parse({ pagina: 'abc', van: 'gisteren', gebruiker: 'x'.repeat(500) })).toEqual({
      pagina: 1,
      van: undefined,
      gebruiker: undefined,
      organisatie: undefined,
      actie: undefined,
      tot: undefined,
    });
  });

  it('pages newest first', async () => {
    const tag = `test.pagina.${randomUUID().slice(0, 8)}`;
    for (let i = 0; i < 3; i++) await writeAudit({ event: tag, object: String(i) });
    const { rows } = await searchAudit(await ttpScope(), ZAuditFilters.parse({ actie: tag }), 2);
    expect(rows.map((r) => r.object)).toEqual(['2', '1']);
  });

  it('exports cells that a spreadsheet cannot execute', async () => {
    expect(safeCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(safeCell('+31 6')).toBe("'+31 6");
    expect(safeCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(safeCell('-1')).toBe("'-1");
    expect(safeCell('gewoon')).toBe('gewoon');
  });
});
