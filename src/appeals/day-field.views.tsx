import { type FormErrors, type FormValues, TextField } from '../web/forms.tsx';
import type { PageContext } from '../web/page-context.ts';

// A day in an appeal's history (sent, delivered, registered, answered), typed as every other date
// on the site is: 05.12.2026. Not the browser's date picker: its order follows the browser's
// language, not the page's, so an English-language Tor Browser shows mm/dd/yyyy on a Russian page,
// and 3 November typed day first is taken as 11 March without a word — with the legal deadlines
// counted from it. The server reads 05.12.2026 and 2026-12-05 alike (appeals.schema.ts parseDay).

type DayFieldProps = {
  ctx: PageContext;
  values: FormValues;
  errors: FormErrors;
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
};

export const DayField = (p: DayFieldProps) => (
  <TextField
    {...p}
    hint={[p.hint, p.ctx.t('appeals.dayHint')].filter(Boolean).join(' ')}
    maxLength={10}
    showLimit={false}
    inputmode="numeric"
  />
);
