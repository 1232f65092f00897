import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { submitForm } from '../../test/helpers/factories.ts';
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

  // The tick under the warning is for joining: a mother already on the boards who corrects the
  // month of the call-up was made to tick it again (QA walk 4). A month given for the first time
  // puts her among the families of a call-up she was never with: that still asks it.
  const save = (caseId: string, fields: Record<string, string>) =>
    submitForm(
      s.t.app,
      `/cases/${caseId}`,
      { opt_in: 'yes', ...fields },
      s.w.family.cookies,
      `/cases/${caseId}/cohorts`,
    ).then((r) => r.res);

  it('saves a corrected month for a family on the boards without asking the tick again', async () => {
    const caseId = await joined({ service_category: 'mobilised', surname: 'Лаптев' }, '2022-09');
    const before = await section(caseId);
    expect(before).toContain('Мобилизованные 09.2022, Ростовская область');
    expect(before).not.toContain('name="understood"');
    // the warning itself is still said above the form
    expect(before).toContain('среди участников может оказаться кто угодно');
    const res = await save(caseId, { mobilisation_wave: '10.2022' });
    expect(res.statusCode).toBe(303);
    const after = await section(caseId);
    expect(after).toContain('Мобилизованные 10.2022, Ростовская область');
    expect(after).not.toContain('Мобилизованные 09.2022');
    expect(after).toContain('value="10.2022"');
  });

  it('still asks the tick of a family joining, and writes nothing without it', async () => {
    const { caseId } = await openCase(
      deps(),
      s.w.family.auth,
      caseInput(s.w.orgA.id, { service_category: 'mobilised', surname: 'Зуев' }),
    );
    const first = await section(caseId);
    expect(first).toContain('name="understood"');
    // joining is not "once more"
    expect(first).not.toContain('ещё раз');
    const res = await save(caseId, { mobilisation_wave: '09.2022' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Отметьте, что вы прочитали предупреждение.');
    expect(res.body).toContain('value="09.2022"');
    const html = await section(caseId);
    expect(html).toContain('Вы пока не участвуете.');
    expect(html).not.toContain('value="09.2022"');
    expect((await save(caseId, { mobilisation_wave: '09.2022', understood: 'yes' })).statusCode).toBe(303);
    expect(await section(caseId)).toContain('Вы участвуете в общении семей.');
  });

  it('asks the tick again when a month given for the first time adds the families of a call-up', async () => {
    const caseId = await joined({ service_category: 'mobilised', surname: 'Рябов' });
    const html = await section(caseId);
    expect(html).not.toContain('Мобилизованные');
    expect(html).toContain('name="understood"');
    expect(html).toContain('добавят вас к новой доске, к другим семьям. Поэтому отметьте предупреждение ещё раз.');
    const res = await save(caseId, { mobilisation_wave: '09.2022' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Отметьте, что вы прочитали предупреждение.');
    expect(await section(caseId)).not.toContain('Мобилизованные');
    expect((await save(caseId, { mobilisation_wave: '09.2022', understood: 'yes' })).statusCode).toBe(303);
    expect(await section(caseId)).toContain('Мобилизованные 09.2022, Ростовская область');
  });
});
