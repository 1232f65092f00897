import { beforeAll, describe, expect, it } from 'vitest';
import { caseInput, useWorld } from '../cases/cases.fixtures.ts';
import { openCase } from '../cases/cases.service.ts';
import { principalOf } from '../policy/principal.ts';
import { announce, authoriseCasePublication } from './publication.service.ts';
import { confirmDeath } from './registry.fixtures.ts';

// A family told that a publication about her son is being prepared learned the day she was told,
// not how long she had: the verifier's page said «публикация возможна с 14.12», hers nothing (QA
// walk). Her page now names the first day it may be published.

const config = { registryNoticeDays: 7, timeZone: 'Europe/Moscow' };
const day = (ddmmyyyy: string) => {
  const [d, m, y] = ddmmyyyy.split('.');
  return Date.UTC(Number(y), Number(m) - 1, Number(d));
};

describe("the family's publication page while a publication is prepared", () => {
  const s = useWorld('sqlite');
  let caseId: string;

  beforeAll(async () => {
    const deps = { db: s.t.opened.db, clock: s.t.clock };
    caseId = (await openCase(deps, s.w.family.auth, caseInput(s.w.orgA.id, { surname: 'Сроков' }))).caseId;
    await confirmDeath(deps, s.w.verifier.auth, caseId);
    const a = await authoriseCasePublication(s.t.opened.db, principalOf(s.w.verifier.auth), caseId, 'announce');
    await announce({ ...deps, config }, a.grant, a.ref);
  });

  it('names the first day it may be published, seven days after she was told', async () => {
    for (const [lang, told, from] of [
      ['ru', /сообщено (\d\d\.\d\d\.\d{4})/, /Опубликовать её могут не раньше (\d\d\.\d\d\.\d{4})\./],
      ['en', /told (\d\d\.\d\d\.\d{4})/, /It may not be published before (\d\d\.\d\d\.\d{4})\./],
    ] as const) {
      const page = await s.t.app.inject({
        method: 'GET',
        url: `/cases/${caseId}/publication?lang=${lang}`,
        cookies: s.w.family.cookies,
      });
      expect(page.statusCode).toBe(200);
      const toldOn = told.exec(page.body)?.[1];
      const notBefore = from.exec(page.body)?.[1];
      expect(notBefore, lang).toBeDefined();
      expect((day(notBefore!) - day(toldOn!)) / 86_400_000).toBe(7);
    }
  });

  it('tells the verifier, once the family was told, that asking again tells no one twice', async () => {
    for (const [lang, heading, button, before] of [
      ['ru', 'Семье уже сообщено', 'Обновить запись по делу', 'Сообщить семье о подготовке публикации'],
      [
        'en',
        'The family has been told',
        'Update the record from the case',
        'Tell the family a publication is being prepared',
      ],
    ] as const) {
      const page = await s.t.app.inject({
        method: 'GET',
        url: `/staff/registry/cases/${caseId}?lang=${lang}`,
        cookies: s.w.verifier.cookies,
      });
      expect(page.statusCode).toBe(200);
      expect(page.body, lang).toContain(heading);
      expect(page.body, lang).toContain(button);
      expect(page.body, lang).not.toContain(before);
    }
  });
});
