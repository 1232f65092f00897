import { translator } from '../web/i18n/i18n.ts';

// A letter goes to a Russian authority, and its text is Russian whatever the page's language
// (template-rules.ts OWN_WORDS says the same of the hint): the words around it on paper — the
// addressee, the sender, the signature line — are Russian too. An English page printed «To:»,
// «From:», «Signature» on a letter to a military commissariat.

const ru = translator('ru');

/** The printed letter's own words, in Russian; `others`: how many more families signed (collective). */
export const letterLabels = (othersCount?: number) => ({
  to: ru('appeals.to'),
  from: ru('appeals.from'),
  signature: ru('appeals.print.signature'),
  date: ru('appeals.print.date'),
  others: othersCount ? ru('appeals.print.others', { count: othersCount }) : '',
});
