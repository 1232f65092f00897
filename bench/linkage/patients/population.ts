import * as N from './names.ts';
import { type Address, newAddress, newPhone, newSsn } from './places.ts';
import type { Rng } from './rng.ts';

export type Eth = 'anglo' | 'black' | 'hisp' | 'viet' | 'chinese' | 'korean';
export const NOW = 2025;
export const FIRST_RECORD = 2008;

export interface Household {
  addr: Address;
  prev?: Address;
  moveT: number;
  home: string;
  kind: 'home' | 'facility' | 'shelter';
}

export interface Person {
  pid: number;
  eth: Eth;
  sex: 'M' | 'F';
  first: string;
  second: string; // second part of a compound given name: "Guadalupe" of Maria Guadalupe, "Ming" of Xiao Ming
  middle: string;
  surname: string; // current surname, a Hispanic double one as "Garcia|Lopez"
  maiden: string; // birth surname of a woman who took her husband's, '' otherwise
  marriedAt: number;
  hyphen: boolean;
  nick: string;
  english: string;
  byMiddle: boolean;
  suffix: string;
  dob: [number, number, number];
  birthT: number;
  ssn: string;
  cell: string;
  oldCell: string;
  cellT: number;
  twin: string;
  hh: Household;
  maidenAddr?: Address;
  guardian?: Person; // the guarantor: a parent for a child
  mother?: Person;
}

const ETH: Eth[] = ['anglo', 'black', 'hisp', 'viet', 'chinese', 'korean'];
const ETH_W = [40, 17, 33, 5.5, 3, 1.5];

export class Population {
  people: Person[] = [];
  households = 0;
  private facilities: { addr: Address; phone: string }[] = [];
  private shelters: Address[] = [];

  constructor(
    private rng: Rng,
    expectedPeople: number,
  ) {
    for (let i = 0; i < Math.max(3, Math.round(expectedPeople / 4000)); i++)
      this.facilities.push({ addr: { ...newAddress(rng), unit: '', city: 'Houston' }, phone: newPhone(rng) });
    for (let i = 0; i < Math.max(1, Math.round(expectedPeople / 15000)); i++)
      this.shelters.push({ ...newAddress(rng), unit: '' });
  }

  surname(eth: Eth): string {
    const r = this.rng;
    switch (eth) {
      case 'anglo':
        return r.zipf(N.ANGLO_SURNAMES, 0.8);
      case 'black':
        return r.zipf(N.BLACK_SURNAMES, 0.8);
      case 'hisp':
        return r.zipf(N.HISP_SURNAMES, 0.9);
      case 'viet':
        return r.zipf(N.VIET_SURNAMES, 1.2);
      case 'chinese':
        return r.zipf(N.CHINESE_SURNAMES, 0.8);
      default:
        return r.zipf(N.KOREAN_SURNAMES, 1.2);
    }
  }

  person(eth: Eth, sex: 'M' | 'F', age: number, surname: string, hh: Household): Person {
    const r = this.rng;
    const m = sex === 'M';
    const y = NOW - 1 - age;
    const mo = r.range(1, 12);
    const d = r.range(1, [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]);
    let first = '';
    let second = '';
    let middle = '';
    let english = '';
    if (eth === 'anglo' || eth === 'black') {
      const list = eth === 'anglo' ? (m ? N.ANGLO_MALE : N.ANGLO_FEMALE) : m ? N.BLACK_MALE : N.BLACK_FEMALE;
      const mids = m ? N.ANGLO_MALE : N.ANGLO_FEMALE;
      first = r.zipf(list, 0.7);
      if (r.chance(0.8)) middle = r.zipf(m ? mids : ['Ann', 'Marie', 'Lynn', 'Elizabeth', 'Renee', ...mids], 0.9);
      if (middle === first) middle = '';
    } else if (eth === 'hisp') {
      first = r.zipf(m ? N.HISP_MALE : N.HISP_FEMALE, 0.8);
      if (r.chance(0.22)) second = r.pick(m ? N.HISP_SECOND_M : N.HISP_SECOND_F);
      else if (r.chance(0.3)) middle = r.zipf(m ? N.HISP_MALE : N.HISP_FEMALE, 0.8);
      if (second === first || middle === first) (second = ''), (middle = '');
    } else if (eth === 'viet') {
      first = r.pick(m ? N.VIET_MALE : N.VIET_FEMALE);
      if (r.chance(0.85)) middle = r.pick(m ? N.VIET_MIDDLE_M : N.VIET_MIDDLE_F);
    } else {
      const syl = eth === 'chinese' ? (m ? N.CHINESE_SYL_M : N.CHINESE_SYL_F) : m ? N.KOREAN_SYL_M : N.KOREAN_SYL_F;
      first = r.pick(syl);
      if (eth === 'korean' || r.chance(0.7)) second = r.pick(syl).toLowerCase();
    }
    if (eth === 'viet' || eth === 'chinese' || eth === 'korean')
      if (r.chance(age < 45 ? 0.45 : 0.2)) english = r.pick(m ? N.ENGLISH_FOR_ASIAN_M : N.ENGLISH_FOR_ASIAN_F);
    const nicks = N.NICKNAMES[first];
    const hasSsn = r.chance(eth === 'hisp' && age >= 18 ? 0.72 : age < 1 ? 0.5 : 0.93);
    const p: Person = {
      pid: this.people.length,
      eth,
      sex,
      first,
      second,
      middle,
      surname,
      maiden: '',
      marriedAt: 0,
      hyphen: false,
      nick: nicks && r.chance(0.4) ? r.pick(nicks) : '',
      english,
      byMiddle: middle !== '' && r.chance(0.04),
      suffix: '',
      dob: [y, mo, d],
      birthT: y + (mo - 1) / 12 + (d - 1) / 365,
      ssn: hasSsn ? newSsn(r) : '',
      cell: age >= 13 && r.chance(0.92) ? newPhone(r) : '',
      oldCell: '',
      cellT: 0,
      twin: '',
      hh,
    };
    if (p.cell && r.chance(0.25)) (p.oldCell = newPhone(r)), (p.cellT = FIRST_RECORD + r.next() * 16);
    this.people.push(p);
    return p;
  }

  /** A household: its people, with their names, dates and family ties. */
  household(): Person[] {
    const r = this.rng;
    this.households++;
    const eth = ETH[r.weighted(ETH_W)];
    const hh: Household = {
      addr: newAddress(r),
      prev: r.chance(0.35) ? newAddress(r) : undefined,
      moveT: FIRST_RECORD + 2 + r.next() * 14,
      home: r.chance(0.35) ? newPhone(r) : '',
      kind: 'home',
    };
    const kind = r.weighted([30, 24, 26, 10, 10]); // single, couple, couple with children, one parent, elderly couple
    const headAge = kind === 4 ? r.range(65, 94) : kind >= 2 ? r.range(22, 56) : r.range(kind === 1 ? 22 : 18, 92);
    const headSex = kind === 3 ? (r.chance(0.85) ? 'F' : 'M') : kind === 0 ? (r.chance(0.5) ? 'F' : 'M') : 'M';
    const famName = this.surname(eth);
    const doubled = eth === 'hisp' && r.chance(0.5);
    const headSur = doubled ? `${famName}|${this.surname(eth)}` : famName;
    if (kind === 0 && headAge >= 75 && r.chance(0.3)) {
      const f = r.pick(this.facilities);
      Object.assign(hh, { addr: f.addr, prev: hh.addr, moveT: NOW - r.next() * 6, home: f.phone, kind: 'facility' });
    } else if (kind === 0 && headAge < 65 && r.chance(0.03)) {
      Object.assign(hh, { addr: r.pick(this.shelters), home: '', kind: 'shelter' });
    }
    const head = this.person(eth, headSex, headAge, headSur, hh);
    const out = [head];
    let mother = headSex === 'F' ? head : undefined;
    const father = headSex === 'M' ? head : undefined;
    if (kind === 1 || kind === 2 || kind === 4) {
      const wEth = r.chance(0.08) ? ETH[r.weighted(ETH_W)] : eth;
      const wAge = Math.max(18, headAge + r.range(-7, 3));
      const own = this.surname(wEth);
      const wDouble = wEth === 'hisp' && r.chance(0.5);
      const ownFull = wDouble ? `${own}|${this.surname(wEth)}` : own;
      const takes = r.chance(wEth === 'hisp' ? 0.35 : wEth === 'anglo' || wEth === 'black' ? 0.8 : 0.4);
      const wife = this.person(wEth, 'F', wAge, takes ? famName : ownFull, hh);
      if (takes) {
        wife.maiden = ownFull;
        wife.marriedAt = Math.min(wife.birthT + 19 + r.next() * 15, NOW - r.next() * 2);
        wife.hyphen = r.chance(0.08);
        if (wife.marriedAt > FIRST_RECORD) wife.maidenAddr = newAddress(r);
      }
      mother = wife;
      out.push(wife);
    }
    if (kind === 2 || kind === 3) {
      const parent = mother && father ? (r.chance(0.6) ? father : mother) : head;
      const kidName =
        eth === 'hisp' && father && mother
          ? r.chance(0.55)
            ? `${famName}|${(mother.maiden || mother.surname).split('|')[0]}`
            : famName
          : kind === 3 && r.chance(0.35)
            ? this.surname(eth)
            : famName;
      const nKids = 1 + r.weighted([40, 35, 18, 7]);
      let hasJr = false;
      for (let k = 0; k < nKids; k++) {
        const span = Math.min(headAge - 18, 26);
        const age = r.chance(0.15) ? r.range(0, span) : r.range(0, Math.min(17, span));
        const sex = r.chance(0.5) ? 'F' : 'M';
        const kid = this.person(eth, sex, age, kidName, hh);
        kid.guardian = age < 18 || r.chance(0.3) ? parent : undefined;
        kid.mother = mother;
        if (!hasJr && father && sex === 'M' && eth !== 'viet' && eth !== 'chinese' && r.chance(0.1)) {
          hasJr = true;
          Object.assign(kid, { first: father.first, second: father.second, middle: father.middle, nick: '' });
          kid.suffix = 'Jr';
          if (r.chance(0.4)) father.suffix = 'Sr';
        }
        out.push(kid);
        if (r.chance(0.025) && k < 3) {
          const twin = this.person(eth, r.chance(0.65) ? sex : sex === 'M' ? 'F' : 'M', age, kidName, hh);
          Object.assign(twin, { dob: kid.dob, birthT: kid.birthT, guardian: kid.guardian, mother });
          if (r.chance(0.35) && twin.sex === sex && (eth === 'anglo' || eth === 'black' || eth === 'hisp')) {
            const list =
              eth === 'hisp'
                ? sex === 'M'
                  ? N.HISP_MALE
                  : N.HISP_FEMALE
                : sex === 'M'
                  ? N.ANGLO_MALE
                  : N.ANGLO_FEMALE;
            const same = list.filter((n) => n[0] === kid.first[0]);
            if (same.length > 1) twin.first = r.pick(same.filter((n) => n !== kid.first));
          }
          kid.twin = 'A';
          twin.twin = 'B';
          out.push(twin);
        }
      }
    }
    return out;
  }
}
