// Cross-checks with the normaliser: every region and unit form the generator writes must be read
// back to the truth (or to nothing when the form is ambiguous, like "Красн. кр."), never to a
// wrong region or unit.
import { describe, expect, it } from 'vitest';
import { parseUnitLoose as parseUnit, regionCode } from '../../../src/linkage/engine/normalize/index.ts';
import { loadPools } from './pools.ts';
import { renderRegion, type RegionForm } from './region-forms.ts';
import { Rng } from './rng.ts';
import { UnitPool, renderUnit, type UnitForm } from './units-pool.ts';

const REGION_FORMS: RegionForm[] = [
  'region_ru_full',
  'region_ru_short',
  'region_abbrev',
  'region_en',
  'region_iso',
  'region_number',
  'region_capital',
];

describe('generated forms are read back by the normaliser', () => {
  it('regions: right code or null, never a wrong code', () => {
    const rng = new Rng(11);
    const wrong: string[] = [];
    let unread = 0;
    let total = 0;
    for (const r of loadPools().regionList) {
      for (const form of REGION_FORMS) {
        for (let k = 0; k < 6; k++) {
          const { text } = renderRegion(rng, r, form);
          const code = regionCode(text);
          total++;
          if (code === null) unread++;
          else if (code !== r.code) wrong.push(`${text} → ${code} (${r.code})`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(unread / total).toBeLessThan(0.05);
  });

  it('units: the number and formation written are the ones read', () => {
    const rng = new Rng(12);
    const pools = loadPools();
    const units = new UnitPool(pools.regionList, 3);
    const forms: UnitForm[] = ['unit_number', 'unit_formation', 'unit_both', 'unit_vague'];
    for (let i = 0; i < 2000; i++) {
      const region = pools.regions.draw(rng);
      const u = units.draw(rng, region);
      const form = forms[i % forms.length];
      const text = renderUnit(rng, u, form, rng.chance(0.3));
      const parsed = parseUnit(text);
      if (form === 'unit_number' || form === 'unit_both') expect(parsed.number, text).toBe(u.number);
      if (form === 'unit_formation' || form === 'unit_both') {
        // The key of the formation as its short form writes it (the airborne types share one key:
        // 147 пдп is 147 дшп).
        const key = parseUnit(`${u.formationNumber} ${u.type.abbr}`).formation;
        expect(key?.startsWith(`${u.formationNumber} `)).toBe(true);
        expect(parsed.formation, text).toBe(key);
      }
      if (form === 'unit_vague') expect(parsed.formation?.startsWith(`${u.formationNumber} `), text).toBe(true);
    }
  });
});
