import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { caseInput, useWorld } from '../cases/cases.fixtures.ts';
import { openCase } from '../cases/cases.service.ts';

// Families write the unit as they know it: «Шторм Z», «155-я бригада». The person search's
// «Часть» field read a unit only as a number or as a formation from the engine's list; anything
// else matched nothing, so a lawyer looking for the men of «Шторм Z» found none of them. A unit
// that reads as neither is now looked for in the unit as written.

describe.each(DIALECTS)('searching by a unit as families write it (%s)', (dialect) => {
  const s = useWorld(dialect);
  const deps = () => ({ db: s.t.opened.db, clock: s.t.clock });
  const search = (query: string) =>
    s.t.app.inject({ method: 'GET', url: `/staff/people?${query}`, cookies: s.w.caseworker.cookies });

  it('finds «Шторм Z» and «155-я бригада», and not other units', async () => {
    await openCase(
      deps(),
      s.w.family.auth,
      caseInput(s.w.orgA.id, { surname: 'Штормов', unit_number: undefined, unit_name: 'Шторм Z' }),
    );
    await openCase(
      deps(),
      s.w.family.auth,
      caseInput(s.w.orgA.id, { surname: 'Бригадов', unit_number: undefined, unit_name: '155-я бригада' }),
    );
    const storm = await search(`unit=${encodeURIComponent('шторм z')}`);
    expect(storm.statusCode).toBe(200);
    expect(storm.body).toContain('Штормов');
    expect(storm.body).not.toContain('Бригадов');
    const brigade = await search(`q=${encodeURIComponent('Бригадов')}&unit=${encodeURIComponent('155-я бригада')}`);
    expect(brigade.body).toContain('Бригадов');
    const none = await search(`unit=${encodeURIComponent('Ахмат')}`);
    expect(none.body).not.toContain('Штормов');
    expect(none.body).not.toContain('Бригадов');
    // A «%» typed is a character, not a wildcard.
    const percent = await search(`unit=${encodeURIComponent('%')}`);
    expect(percent.body).not.toContain('Штормов');
  });
});
