import { describe, expect, it } from 'vitest';
import { withScopedClient } from '@/lib/access/with-scope';
import { env } from '@/lib/env';
import { refreshRecordKeys } from '@/lib/imports/refresh-record-keys';
import { pseudonymise } from '@/lib/pseudonym/pseudonymise';
import { recordKeys } from '@/lib/pseudonym/record-keys';
import { loadRecords, makeAanbieder } from './helpers/fixtures';

// Record keys (docs/disclosure-control.md): the import writes keyed ones; rows with placeholder or
// old-version keys get the current ones from refreshRecordKeys, and no secret is in the database.
describe('record keys', () => {
  it('are written by the import, and rows of another key version are re-keyed', async () => {
    const a = await makeAanbieder();
    const clients = ['rk-1', 'rk-2', 'rk-3'];
    await loadRecords(
      a,
      clients.map((client) => ({ client, gemeentecode: '0855' })),
    );
    const read = () =>
      withScopedClient(
        'system',
        async (c) =>
          (
            await c.query<{
              traject_id: string;
              client_pseudonym: string;
              client_key: string;
              traject_key: string;
              row_key: string;
              record_key_version: number;
            }>(
              `SELECT traject_id, client_pseudonym, client_key::text, traject_key::text, row_key::text, record_key_version FROM trajectory WHERE aanbieder_id = $1 ORDER BY traject_id`,
              [a.id],
            )
          ).rows,
      );
    const expected = (r: { client_pseudonym: string; traject_id: string }) => {
      const k = recordKeys({
        pseudonym: r.client_pseudonym,
        agbCode: a.agbCode!,
        trajectId: r.traject_id,
        respondent: null,
      });
      return {
        client_key: String(k.clientKey),
        traject_key: String(k.trajectKey),
        row_key: String(k.rowKey),
        record_key_version: env().CELL_KEY_VERSION,
      };
    };
    const loaded = await read();
    expect(loaded.map((r) => r.client_pseudonym).sort()).toEqual(clients.map((c) => pseudonymise(c)).sort());
    for (const r of loaded) expect(r).toMatchObject(expected(r));

    // As after the migration (placeholders of version 0) or a raised CELL_KEY_VERSION.
    await withScopedClient('system', (c) =>
      c.query(
        `UPDATE trajectory SET client_key = 1, traject_key = 2, row_key = 3, record_key_version = 0 WHERE aanbieder_id = $1`,
        [a.id],
      ),
    );
    expect(await refreshRecordKeys()).toBeGreaterThanOrEqual(3);
    for (const r of await read()) expect(r).toMatchObject(expected(r));
    expect(await refreshRecordKeys()).toBe(0); // settled: nothing left to do
  });
});
