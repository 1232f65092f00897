import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { submitForm } from '../../test/helpers/factories.ts';
import { useWorld } from '../cases/cases.fixtures.ts';

// A new letter's form sent back with a mistake kept what she typed but lost what stood above it:
// the template's guidance and the choice about her own account (QA walk 9). Both come back, the
// choice as she left it.

const GUIDANCE = 'Первое письмо: в воинскую часть';
const INSERTED = 'Ваш рассказ из запроса вставлен в письмо';
const LEFT_OUT = 'Ваш рассказ из запроса мы не вставили в письмо';

describe.each(DIALECTS)('a new letter sent back with a mistake (%s)', (dialect) => {
  const s = useWorld(dialect);
  const url = (query: string) => `/cases/${s.w.caseId}/appeals/new?${query}`;

  /** Sends the inquiry's form (its hidden fields as the page writes them) with the subject emptied. */
  const sentWithoutSubject = async (query: string) => {
    const hidden = Object.fromEntries(new URLSearchParams(query));
    const { res } = await submitForm(
      s.t.app,
      url(query),
      { ...hidden, addressee: 'Министерство обороны', subject: '', body: 'Мой текст письма' },
      s.w.family.cookies,
      `/cases/${s.w.caseId}/appeals`,
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Мой текст письма');
    return res.body;
  };

  it('keeps the guidance, and her account inserted', async () => {
    const body = await sentWithoutSubject('template=inquiry&narrative=yes');
    expect(body).toContain(GUIDANCE);
    expect(body).toContain(INSERTED);
    expect(body).toContain('<input type="hidden" name="narrative" value="yes"/>');
  });

  it('keeps the guidance, and the offer to insert her account when it was left out', async () => {
    const body = await sentWithoutSubject('template=inquiry');
    expect(body).toContain(GUIDANCE);
    expect(body).toContain(LEFT_OUT);
    expect(body).not.toContain('name="narrative" value="yes"/>');
  });
});
