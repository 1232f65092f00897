import { CITY_VARIANTS, DIRS, STREET_TYPES, type Address } from './places.ts';
import type { Person } from './population.ts';
import { digitTypo, givenNames, surnameAt, typo } from './render-names.ts';
import type { Rng } from './rng.ts';

export const COLUMNS = [
  'record_id',
  'source',
  'first_name',
  'middle_name',
  'last_name',
  'sex',
  'dob',
  'ssn',
  'ssn_last4',
  'address',
  'city',
  'state',
  'zip',
  'phone',
];

/** How each registration system fills its fields: my judgement of such systems, not measured rates. */
interface Profile {
  name: string;
  share: number;
  upper: number; // all capitals
  typo: number; // per name or street field
  mid: number; // middle name kept
  midInit: number; // kept middle name cut to its initial
  ssn: number; // full SSN asked and typed
  last4: number; // only the last four asked
  addr: number;
  phone: number;
  dobErr: number;
  dobDefault: number;
  nick: number; // a known nickname used
  english: number; // an Asian patient's English name used
  sexU: number;
  phoneFmt: (d: string) => string;
}
const dashed = (d: string) => `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`;
const paren = (d: string) => `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`;
const plain = (d: string) => d;
const P = (name: string, share: number, v: number[], phoneFmt: (d: string) => string): Profile => {
  const [upper, typo, mid, midInit, ssn, last4, addr, phone, dobErr, dobDefault, nick, english, sexU] = v;
  return {
    name,
    share,
    upper,
    typo,
    mid,
    midInit,
    ssn,
    last4,
    addr,
    phone,
    dobErr,
    dobDefault,
    nick,
    english,
    sexU,
    phoneFmt,
  };
};
// biome-ignore format: a table, one system a line
export const PROFILES: Profile[] = [
  //                      upper typo  mid  midI  ssn  last4 addr phone dobErr dobDef nick  engl sexU
  P('ER', 24, [0.3, 0.05, 0.3, 0.5, 0.35, 0.15, 0.85, 0.85, 0.045, 0.012, 0.45, 0.6, 0.01], paren),
  P('CLINIC', 28, [0.1, 0.015, 0.75, 0.3, 0.7, 0.1, 0.97, 0.95, 0.012, 0.002, 0.35, 0.5, 0.002], dashed),
  P('LAB', 18, [1, 0.025, 0.4, 0.9, 0.1, 0.35, 0.45, 0.55, 0.02, 0.004, 0.2, 0.35, 0.03], plain),
  P('BILLING', 12, [0.4, 0.02, 0.6, 0.5, 0.8, 0, 0.99, 0.9, 0.015, 0.003, 0.05, 0.2, 0.005], paren),
  P('ACQ', 10, [1, 0.03, 0.55, 0.4, 0.6, 0.05, 0.9, 0.85, 0.025, 0.01, 0.25, 0.45, 0.01], plain),
  P('INPT', 8, [0, 0.02, 0.65, 0.3, 0.65, 0.05, 0.95, 0.9, 0.012, 0.003, 0.2, 0.4, 0.003], dashed),
];
export const INPT = 5;
export const ACQ = 4;

const pad = (n: number) => String(n).padStart(2, '0');
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(Math.min(d, DAYS[m - 1]))}`;
const dateAt = (t: number): [number, number, number] => {
  const y = Math.floor(t);
  const m = Math.min(12, 1 + Math.floor((t - y) * 12));
  return [y, m, 1 + Math.floor(((t - y) * 12 - (m - 1)) * 28)];
};

function dob(rng: Rng, p: Person, t: number, pr: Profile): string {
  if (rng.chance(pr.dobDefault)) return rng.chance(0.8) ? '1900-01-01' : '';
  let [y, m, d] = p.dob;
  if (p.guardian && (pr.name === 'BILLING' || pr.name === 'ER') && rng.chance(0.015)) [y, m, d] = p.guardian.dob;
  if (!rng.chance(pr.dobErr)) return iso(y, m, d);
  const k = rng.weighted([30, 15, 10, 15, 10, 10, pr.name === 'ER' ? 5 : 0, 5]);
  if (k === 0 && d <= 12 && d !== m) return iso(y, d, m);
  if (k === 1) return iso(y - (y % 100) + (y % 10) * 10 + Math.floor((y % 100) / 10), m, d);
  if (k === 2 && d % 10 > 0 && (d % 10) * 10 + Math.floor(d / 10) <= 28)
    return iso(y, m, (d % 10) * 10 + Math.floor(d / 10));
  if (k === 3) return iso(y - (y % 10) + rng.int(10), m, d);
  if (k === 4) return iso(y, m, 1 + ((d + rng.range(1, 8)) % 28));
  if (k === 5) return iso(y + (rng.chance(0.5) ? 1 : -1), m, d);
  if (k === 6) return iso(...dateAt(t));
  if (k === 7) return iso(y, 1, 1);
  return iso(y, m, d === 1 ? 2 : d - 1);
}

function ssn(rng: Rng, p: Person, pr: Profile): [string, string] {
  const fmt = (s: string) =>
    pr.name === 'ACQ' || pr.name === 'LAB' ? s : `${s.slice(0, 3)}-${s.slice(3, 5)}-${s.slice(5)}`;
  let s = p.ssn;
  if (p.guardian?.ssn && (pr.name === 'BILLING' || pr.name === 'ER') && rng.chance(0.2)) s = p.guardian.ssn;
  const asked = rng.chance(pr.ssn);
  if ((!s || !asked) && pr.name !== 'LAB' && pr.name !== 'CLINIC' && rng.chance(0.04)) {
    const junk = rng.pick(['999999999', '999999999', '000000000', '123456789', '111111111']);
    return [fmt(junk), junk.slice(5)];
  }
  if (!s) return ['', ''];
  if (asked) {
    if (rng.chance(0.008)) s = digitTypo(rng, s);
    return [fmt(s), s.slice(5)];
  }
  return rng.chance(pr.last4 / (1 - pr.ssn)) ? ['', s.slice(5)] : ['', ''];
}

function street(rng: Rng, a: Address, pr: Profile): string {
  const parts = [rng.chance(pr.typo / 2) ? digitTypo(rng, a.num) : a.num];
  if (a.dir >= 0 && rng.chance(0.9)) parts.push(DIRS[a.dir][rng.chance(0.7) ? 0 : 1]);
  parts.push(rng.chance(pr.typo) ? typo(rng, a.street) : a.street);
  const ty = rng.weighted([75, 20, 5]);
  if (ty < 2) parts.push(STREET_TYPES[a.type][ty]);
  let s = parts.join(' ');
  if (a.unit) {
    const u = rng.weighted([40, 30, 5, 5, 20]);
    if (u < 4) s += `${rng.chance(0.15) ? ',' : ''} ${['Apt ', '#', 'Unit ', 'Apt #'][u]}${a.unit}`;
  }
  return s;
}

function phone(rng: Rng, p: Person, t: number, pr: Profile): string {
  const own = (q: Person | undefined) => (q?.oldCell && t < q.cellT ? q.oldCell : (q?.cell ?? ''));
  const cands = p.guardian ? [own(p.guardian), own(p.mother), p.hh.home, own(p)] : [own(p), p.hh.home];
  const weights = p.guardian ? [6, 2, 2, 1] : p.hh.kind === 'facility' ? [5, 5] : [7, 3];
  const ok = weights.map((w, i) => (cands[i] ? w : 0));
  if (!ok.some((w) => w > 0) || !rng.chance(pr.phone)) return '';
  if (pr.name === 'ER' && rng.chance(0.005)) return '(999) 999-9999';
  let d = cands[rng.weighted(ok)];
  if (rng.chance(0.01)) d = digitTypo(rng, d);
  return pr.phoneFmt(d);
}

/** One registration of person p at time t in system pr. */
export function render(rng: Rng, p: Person, t: number, pr: Profile, newborn: boolean): string[] {
  const accents = (pr.name === 'CLINIC' || pr.name === 'INPT') && rng.chance(0.3);
  let first: string;
  let middle: string;
  let last: string;
  let sex: string = p.sex;
  if (newborn) {
    const boy = p.sex === 'M';
    first = rng.pick([boy ? 'Baby Boy' : 'Baby Girl', boy ? 'Baby Boy' : 'Baby Girl', boy ? 'BB' : 'BG', 'Baby']);
    if (p.twin) first += rng.chance(0.7) ? ` ${p.twin}` : ` Twin ${p.twin}`;
    last = surnameAt(rng, p.mother ?? p, t, accents)[0];
    middle = '';
    if (rng.chance(0.05)) sex = 'U';
  } else if (pr.name === 'ER' && rng.chance(0.004)) {
    first = rng.pick(['Unknown', p.sex === 'M' ? 'John' : 'Jane', 'Trauma']);
    last = rng.pick(['Doe', 'Unknown', 'Trauma Alpha', 'Trauma Bravo', 'Zzunknown']);
    const est = p.dob[0] + rng.range(-5, 5);
    return [
      pr.name,
      first,
      '',
      last,
      p.sex,
      rng.chance(0.5) ? '1900-01-01' : `${est}-01-01`,
      '',
      '',
      '',
      '',
      '',
      '',
      '',
    ];
  } else {
    [first, middle] = givenNames(rng, p, { nick: pr.nick, english: pr.english, keepAccents: accents });
    let m2: string;
    [last, m2] = surnameAt(rng, p, t, accents);
    if (m2) middle = m2;
    if (p.suffix && rng.chance(0.3)) last += rng.chance(0.7) ? ` ${p.suffix}` : `, ${p.suffix}`;
    const asian = p.eth === 'viet' || p.eth === 'chinese' || p.eth === 'korean';
    if (rng.chance(asian ? (pr.name === 'LAB' || pr.name === 'ACQ' ? 0.15 : 0.08) : 0.006))
      [first, last] = [last, first];
    if (rng.chance(pr.typo)) first = typo(rng, first);
    if (rng.chance(pr.typo)) last = typo(rng, last);
    if (!rng.chance(pr.mid)) middle = '';
    else if (middle && rng.chance(pr.midInit)) middle = middle[0];
  }
  if (rng.chance(0.003)) sex = p.sex === 'M' ? 'F' : 'M';
  if (rng.chance(pr.sexU)) sex = 'U';
  if (pr.name === 'LAB') (last = last.slice(0, 15)), (first = first.slice(0, 12));
  const a = p.maidenAddr && t < p.marriedAt ? p.maidenAddr : p.hh.prev && t < p.hh.moveT ? p.hh.prev : p.hh.addr;
  let addr = '';
  let city = a.city;
  let zip = a.zip;
  let state = a.state === 'TX' ? rng.pick(['TX', 'TX', 'TX', 'TX', 'TX', 'TX', 'TX', 'TX', 'Texas', '']) : a.state;
  if (rng.chance(pr.addr)) {
    addr = street(rng, a, pr);
    if (p.hh.kind === 'shelter' && rng.chance(0.4)) addr = rng.chance(0.7) ? 'Homeless' : '';
    if (pr.name === 'BILLING' && p.pid % 23 === 0) addr = `PO Box ${(p.pid * 7919) % 99991}`;
    if (CITY_VARIANTS[city] && rng.chance(0.06)) city = rng.pick(CITY_VARIANTS[city]);
    if (rng.chance(pr.typo / 2)) city = typo(rng, city);
    if (rng.chance((pr.name === 'BILLING' ? 0.4 : pr.name === 'ACQ' ? 0.3 : 0.04) * (a.unit ? 1 : 0.5)))
      zip += `-${a.plus4}`;
    if (rng.chance(0.01)) zip = digitTypo(rng, zip);
    if (rng.chance(0.02)) zip = '';
  } else if (rng.chance(0.5)) (city = ''), (zip = ''), (state = '');
  const [s9, s4] = newborn ? ['', ''] : ssn(rng, p, pr);
  const row = [
    pr.name,
    first,
    middle,
    last,
    sex,
    dob(rng, p, t, pr),
    s9,
    s4,
    addr,
    city,
    state,
    zip,
    phone(rng, p, t, pr),
  ];
  if (rng.chance(pr.upper)) for (const i of [1, 2, 3, 8, 9]) row[i] = row[i].toUpperCase();
  return row;
}
