import type { PageContext } from '../web/page-context.ts';
import { SelectField, TextField, type FormErrors, type FormValues } from '../web/forms.tsx';
import { formatPartialDate } from './partial-date.ts';
import { regionName, regionOptions } from './regions.ts';
import { SERVICE_CATEGORIES } from './people.schema.ts';
import { fullName, type PersonView } from './people.service.ts';

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
      <TextField {...f} name="surname" label={t('people.surname')} required={!tip} maxLength={100} />
      <TextField {...f} name="given_name" label={t('people.givenName')} required={!tip} maxLength={100} />
      <TextField {...f} name="patronymic" label={t('people.patronymic')} maxLength={100} />
      <TextField
        {...f}
        name="birth_date"
        label={t('people.birthDate')}
        hint={t('people.dateHint')}
        maxLength={20}
        inputmode="numeric"
      />
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
        maxLength={40}
      />
      <TextField {...f} name="unit_name" label={t('people.unitName')} hint={t('people.unitNameHint')} maxLength={200} />
      {!tip && (
        <>
          <TextField {...f} name="rank" label={t('people.rank')} maxLength={80} />
          <SelectField
            {...f}
            name="service_category"
            label={t('people.serviceCategory')}
            options={SERVICE_CATEGORIES.map((c) => ({ value: c, label: t(`people.categories.${c}`) }))}
          />
        </>
      )}
    </fieldset>
  );
};

/** A short description list of the person; every value is allow-listed here. */
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
      <dd>{t(`people.categories.${person.service_category}`)}</dd>
    </dl>
  );
};
