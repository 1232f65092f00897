import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { caseInput, useWorld } from '../cases/cases.fixtures.ts';
import { openCase } from '../cases/cases.service.ts';
import { principalOf } from '../policy/principal.ts';
import { authoriseOptIn, setOptIn } from './cohorts.service.ts';

// A family that joined the families of its unit is offered only what it can do there: leave, or
// (a mobilised man's, a convict recruit's) correct the wave or the colony it shares. A contract
// soldier's family was shown a bare tick box and «Сохранить» that saved nothing (QA walk).

describe.each(DIALECTS)('the cohort section once a family joined (%s)', (dialect) => {
  const s = useWorld(dialect);
  const deps = () => ({ db: s.t.opened.db, clock: s.t.clock });
  const section = async (caseId: string) => {
    const res = await s.t.app.inject({ method: 'GET', url: `/cases/${caseId}`, cookies: s.w.family.cookies });
    expect(res.statusCode).toBe(200);
    return /<section aria-labelledby="cohorts-h"[\s\S]*?<\/section>/.exec(res.body)![0];
  };
  const joined = async (over: Parameters<typeof caseInput>[1], mobilisationWave?: string) => {
    const { caseId } = await openCase(deps(), s.w.family.auth, caseInput(s.w.orgA.id, over));
    await setOptIn(deps(), await authoriseOptIn(s.t.opened.db, principalOf(s.w.family.auth), caseId), {
      optIn: true,
      mobilisationWave,
    });
    return caseId;
  };

  it('offers a contract soldier’s family only to leave, with no empty form to save', async () => {
    const html = await section(await joined({ service_category: 'contract', surname: 'Соболев' }));
    expect(html).toContain('Вы участвуете в общении семей.');
    expect(html).toContain('Выйти из общения семей');
    expect(html).not.toContain('на всех досках');
    expect(html).not.toContain('>Сохранить</button>');
    expect(html).not.toContain('name="understood"');
  });

  it('still lets a mobilised man’s family correct the wave it shares', async () => {
    const html = await section(await joined({ service_category: 'mobilised', surname: 'Трофимов' }));
    expect(html).toContain('name="mobilisation_wave"');
    expect(html).toContain('>Сохранить</button>');
    expect(html).toContain('Выйти из общения семей');
  });

  it('says that leaving is from every board when the family is on more than one', async () => {
    // The unit's families and the families of the same mobilisation wave.
    const html = await section(
      await joined({ service_category: 'mobilised', surname: 'Ершов', unit_number: 'в/ч 12345' }, '2022-09'),
    );
    expect(html).toContain('Выйти из общения семей на всех досках');
  });
});
