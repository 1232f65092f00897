import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Invalid } from '../shared/errors.ts';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { echoValues, FailedFormNotice, FormErrorSummary, TextArea, TextField } from './forms.tsx';
import { translator } from './i18n/i18n.ts';
import type { PageContext } from './page-context.ts';
import { optionalText, parseForm, requiredText } from '../shared/validation.ts';

const schema = z.object({ name: requiredText(5), note: optionalText(3) });

const problems = (body: unknown) => {
  try {
    parseForm(schema, body);
  } catch (e) {
    if (e instanceof Invalid) return e.problems;
    throw e;
  }
  return [];
};

describe('form parsing', () => {
  it('trims and strips unknown fields', () => {
    expect(parseForm(schema, { name: '  Иван ', note: '', extra: 'x' })).toEqual({ name: 'Иван', note: undefined });
  });

  it('reports a missing or blank field as required', () => {
    expect(problems({})).toEqual([{ field: 'name', key: 'errors.required' }]);
    expect(problems({ name: '   ' })).toEqual([{ field: 'name', key: 'errors.required' }]);
  });

  it('reports an overlong field as too long with its limit and what it holds, not as required', () => {
    // With JavaScript off no counter runs beside the box: the message says how much is there.
    expect(problems({ name: 'абвгдеж', note: 'long' })).toEqual([
      { field: 'name', key: 'errors.tooLongNow', params: { max: 5, count: 7 } },
      { field: 'note', key: 'errors.tooLongNow', params: { max: 3, count: 4 } },
    ]);
  });

  it('echoes typed values back but never passphrases or the CSRF token', () => {
    expect(echoValues({ name: 'a', passphrase: 'secret', _csrf: 't', n: 1 })).toEqual({ name: 'a' });
  });
});

describe("a text field's hint", () => {
  const ctx = { t: translator('ru'), lang: 'ru' } as PageContext;
  const field = (type?: string) =>
    renderToString(
      TextField({
        ctx,
        values: {},
        errors: {},
        name: 'on',
        label: 'Дата',
        hint: 'Дата в документе.',
        type,
        maxLength: 10,
      }),
    );

  it('says the length limit under a text box, not under a date picker or a number box', () => {
    expect(field()).toContain('Не больше 10 символов.');
    expect(field('date')).not.toContain('символов');
    expect(field('number')).not.toContain('символов');
    // the field's own hint stays, and the browser still stops at the limit
    expect(field('date')).toContain('Дата в документе.');
    expect(field('date')).toContain('maxlength="10"');
  });
});

describe("a long text's box", () => {
  const ctx = { t: translator('ru'), lang: 'ru' } as PageContext;
  const box = renderToString(
    TextArea({
      ctx,
      values: { story: 'я'.repeat(30) },
      errors: {},
      name: 'story',
      label: 'Что вы знаете',
      maxLength: 20_000,
    }),
  );

  it('says its limit but never lets the browser cut a pasted text at it (the server refuses and hands it all back)', () => {
    expect(box).toContain('Не больше 20\u00a0000 символов.');
    expect(box).not.toMatch(/maxlength/i);
    expect(box).toContain('я'.repeat(30));
  });
});

describe('the notice at the top of a long page that a form below failed', () => {
  const notice = (lang: 'ru' | 'en', at: string | undefined) =>
    renderToString(h(FailedFormNotice, { ctx: { t: translator(lang), lang } as PageContext, at }));

  it('is the same on every page that has one (the case page, the cohort board), in both languages', () => {
    expect(notice('ru', 'messages')).toBe(
      '<p class="form-errors" role="alert">Не сохранено: исправьте ошибку в форме ниже. <a href="#messages">Перейти к форме</a></p>',
    );
    expect(notice('en', 'post-h')).toBe(
      '<p class="form-errors" role="alert">Not saved: correct the error in the form below. <a href="#post-h">Go to the form</a></p>',
    );
    expect(notice('ru', undefined)).toBe('');
  });
});

// QA walk 7: «The form was not sent: correct the 1 field marked below.» on the English setup page.
describe('the summary above a form that was not sent', () => {
  const summary = (lang: 'ru' | 'en', fields: string[]) =>
    renderToString(
      h(FormErrorSummary, {
        ctx: { t: translator(lang), lang } as PageContext,
        errors: Object.fromEntries(fields.map((f) => [f, { field: f, key: 'errors.required' }])),
      }),
    );

  it('says «the field» in English for one, and counts several', () => {
    expect(summary('en', ['name'])).toContain('The form was not sent: correct the field marked below.');
    expect(summary('en', ['name', 'note'])).toContain('correct the 2 fields marked below.');
    // Russian counts one too: its «one» form also serves 21, 31…
    expect(summary('ru', ['name'])).toContain('исправьте 1 поле, отмеченное ниже.');
  });
});
