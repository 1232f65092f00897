// A phone number written into a board post or a board name. The board warns families not to post
// one (anyone may be among its readers, an informer too); a number typed anyway is refused with
// the reason, the text kept, rather than left for staff to notice after everyone has read it.
//
// What counts: a Russian mobile number with or without its 8 / +7 (916 123-45-67, 8 (916) 123 45
// 67, 89161234567), a number with a trunk prefix 8 or 7 and ten digits more (8 495 123-45-67), and
// any international number (+380 67 123 45 67). Dates (01.02.2025), unit numbers (в/ч 12345) and
// field posts are not numbers of that shape.

// Digits with at most a few spaces, dashes or brackets between them: one written number.
const RUN = /\+?\(?\d(?:[ \t\u00a0\-()]{0,3}\d)*/g;

export const containsPhoneNumber = (text: string): boolean => {
  for (const [run] of text.matchAll(RUN)) {
    const digits = run.replace(/\D/g, '');
    if (run.startsWith('+') && digits.length >= 10 && digits.length <= 15) return true;
    if (/^(?:[78])?9\d{9}$/.test(digits) || /^[78]\d{10}$/.test(digits)) return true;
  }
  return false;
};
