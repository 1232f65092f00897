import { describe, expect, it } from 'vitest';
import { DIALECTS, freshDb } from '../../test/helpers/db.ts';
import { migrateToLatest } from './migrate.ts';

describe.each(DIALECTS)('migrations on %s', (dialect) => {
  it('run to the latest version and are idempotent', async () => {
    const { db, close } = await freshDb(dialect);
    try {
      await db.insertInto('meta').values({ key: 'probe', value: 'ok' }).execute();
      const row = await db.selectFrom('meta').select('value').where('key', '=', 'probe').executeTakeFirst();
      expect(row?.value).toBe('ok');
      expect(await migrateToLatest(db)).toEqual([]);
    } finally {
      await close();
    }
  });
});
