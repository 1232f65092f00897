import type { PageContext } from '../web/page-context.ts';
import { SelectField, TextField, type FormErrors, type FormValues } from '../web/forms.tsx';
import { formatPartialDate } from './partial-date.ts';
import { regionName, regionOptions } from './regions.ts';
import { PERSON_LIMITS, SERVICE_CATEGORIES } from './people.schema.ts';
import { fullName, type PersonView } from './people.service.ts';

type FieldBase = { ctx: PageContext; values: FormValues; errors: FormErrors; name: string; label: string };

/**
 * A date of day, month or year precision (partialDateField). Its length limit is never reached
 * by a date, so it is kept but not announced; the hint says which forms are understood.
 */
export const DateField = (p: FieldBase & { required?: boolean; hint?: string }) => (
  <TextField
    {...p}
    // Each date its own examples (a birth date's 1998 under «last contact» read as a slip): the
    // birth date's by default.
    hint={p.hint ?? p.ctx.t('people.dateHint')}
    maxLength={PERSON_LIMITS.date}
    showLimit={false}
    inputmode="numeric"
  />
);

/** A name as in the documents, any alphabet; no name comes near 100 characters, so the limit is not announced. */
const NameField = (p: FieldBase & { required?: boolean }) => (
  <TextField {...p} maxLength={PERSON_LIMITS.name} showLimit={false} />
);

/** The person part of a form; field names match personFields() in people.schema.ts. */
export const PersonFields = ({
  ctx,
  values,
  errors,
  staff = false,
  tip = false,
}: {
  ctx: PageContext;
  values: FormValues;
  errors: FormErrors;
  staff?: boolean;
  /** an anonymous tip (src/tips/): the sender may not know the names, nor rank and category */
  tip?: boolean;
}) => {
  const { t } = ctx;
  const f = { ctx, values, errors };
  return (
    <fieldset>
      <legend>{t(tip ? 'tips.personLegend' : staff ? 'people.personStaff' : 'people.person')}</legend>
      <p class="muted" id="names-hint">
        {t(tip ? 'tips.personHint' : 'people.namesHint')}
      </p>
      <NameField {...f} name="surname" label={t('people.surname')} required={!tip} />
      <NameField {...f} name="given_name" label={t('people.givenName')} required={!tip} />
      <NameField {...f} name="patronymic" label={t('people.patronymic')} />
      <DateField {...f} name="birth_date" label={t('people.birthDate')} />
      <SelectField
        {...f}
        name="region"
        label={t('people.region')}
        options={regionOptions(ctx.lang)}
        emptyLabel={t('people.regionEmpty')}
      />
      <TextField
        {...f}
        name="unit_number"
        label={t('people.unitNumber')}
        hint={t('people.unitNumberHint')}
        maxLength={PERSON_LIMITS.unitNumber}
      />
      <TextField
        {...f}
        name="unit_name"
        label={t('people.unitName')}
        hint={t('people.unitNameHint')}
        maxLength={PERSON_LIMITS.unitName}
      />
      {!tip && (
        <>
          <TextField {...f} name="rank" label={t('people.rank')} maxLength={PERSON_LIMITS.rank} />
          <SelectField
            {...f}
            name="service_category"
            label={t('people.serviceCategory')}
            // Nothing chosen is «Не знаю» (the schema reads it so): one entry for it, not «—» and «Не знаю».
            options={SERVICE_CATEGORIES.filter((c) => c !== 'unknown').map((c) => ({
              value: c,
              label: t(`people.categories.${c}`),
            }))}
            emptyLabel={t('people.categories.unknown')}
          />
        </>
      )}
    </fieldset>
  );
};

/** A short description list of the person; every value is allow-listed here. */
/** A person's service category as a fact on a page: «Не знаю» is her answer on the form; on a
 * page (hers, a record's, a pair's) it reads «неизвестно». */
export const serviceCategoryLabel = (ctx: PageContext, category: string): string =>
  category === 'unknown' ? ctx.t('people.categoryUnknown') : ctx.t(`people.categories.${category}`);

export const PersonSummary = ({ ctx, person }: { ctx: PageContext; person: PersonView }) => {
  const { t } = ctx;
  const unit = [person.unit_number, person.unit_name].filter(Boolean).join(', ');
  return (
    <dl>
      <dt>{t('cases.name')}</dt>
      <dd>{fullName(person)}</dd>
      {person.birth_date && (
        <>
          <dt>{t('people.born')}</dt>
          <dd>{formatPartialDate(person.birth_date, person.birth_precision)}</dd>
        </>
      )}
      {person.region_code && (
        <>
          <dt>{t('people.region')}</dt>
          <dd>{regionName(person.region_code, ctx.lang)}</dd>
        </>
      )}
      {unit && (
        <>
          <dt>{t('people.unit')}</dt>
          <dd>{unit}</dd>
        </>
      )}
      {person.rank && (
        <>
          <dt>{t('people.rank')}</dt>
          <dd>{person.rank}</dd>
        </>
      )}
      <dt>{t('people.serviceCategory')}</dt>
      <dd>{serviceCategoryLabel(ctx, person.service_category)}</dd>
    </dl>
  );
};
