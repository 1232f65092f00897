import { describe, expect, it } from 'vitest';
import { submitForm } from '../../test/helpers/factories.ts';
import { caseInput, useWorld } from '../cases/cases.fixtures.ts';
import { openCase } from '../cases/cases.service.ts';
import { systemPrincipal } from '../policy/principal.ts';
import { forgetIndexes } from './index-registry.ts';
import { runMatching } from './scoring.service.ts';

// QA walk 6: a verifier who pressed «Не уверен(а)» read «Пара передана проверяющему» — herself.
// The notice now says where the pair is (the verifiers' queue, the list «Не уверены»), which is
// true whoever pressed it (as does the hint under «Отменить решение», worded the same way).

describe('a verifier unsure of a pair', () => {
  const s = useWorld('sqlite');

  it('reads that the pair is in the verifiers’ queue, in Russian and in English', async () => {
    forgetIndexes();
    const deps = { db: s.t.opened.db, clock: s.t.clock };
    await openCase(deps, s.w.otherFamily.auth, caseInput(s.w.orgA.id, { surname: 'Ivanov', given_name: 'Pyotr' }));
    await runMatching(deps, systemPrincipal('scheduler'));
    const queue = await s.t.app.inject({ method: 'GET', url: '/staff/matches', cookies: s.w.verifier.cookies });
    const id = /href="\/staff\/matches\/([0-9a-f-]{36})"/.exec(queue.body)?.[1];
    expect(id).toBeDefined();
    const { res } = await submitForm(s.t.app, `/staff/matches/${id}`, { decision: 'unsure' }, s.w.verifier.cookies);
    expect(res.statusCode).toBe(303);
    const where = String(res.headers.location);
    const page = async (lang: string) =>
      (
        await s.t.app.inject({
          method: 'GET',
          url: `${where}${where.includes('?') ? '&' : '?'}lang=${lang}`,
          cookies: s.w.verifier.cookies,
        })
      ).body;
    const ru = await page('ru');
    expect(ru).toContain('Пара в очереди проверяющих, в списке «Не уверены».');
    expect(ru).not.toContain('передана проверяющему');
    const en = await page('en');
    expect(en).toContain('The pair is in the verifiers’ queue, in the list “Unsure”.');
    expect(en).not.toContain('went to a verifier');
  });
});
