// A name's frequency within its region leaves out the scored man's own records. Before any
// clustering they can only be assumed; the clustering's second look counts them: a man found in
// eight lists is eight of the fourteen "Ооржак Саян" of Tyva, so a record that says only his name
// is likelier his than another namesake's, and two namesakes found once each are likelier two men.
import { describe, expect, it } from 'vitest';
import { LinkageEngine } from './engine.ts';
import { personConfig } from './person-config.ts';
import { RUSSIAN_NAMES, RUSSIAN_SURNAMES, regionalMen } from './regional-names.test-helper.ts';
import { weightOf } from './weights.ts';

const TUVAN_SURNAMES = ['Монгуш', 'Кужугет', 'Донгак', 'Салчак'];
const TUVAN_NAMES = ['Айдыс', 'Чингис', 'Аяс', 'Буян', 'Саян'];

const build = (): { engine: LinkageEngine; ofMan: number[]; namesakes: number[]; onlyName: number } => {
  const config = personConfig();
  // The shipped model, not one trained on these few records: the weights stay the same.
  const engine = new LinkageEngine({ ...config, training: { ...config.training, minRecords: 1_000_000 } });
  let n = 0;
  const add = (record: Record<string, string>): number => engine.add(`r${n++}`, record);
  for (const man of regionalMen(800, 'Москва', RUSSIAN_SURNAMES, RUSSIAN_NAMES, 1970, 30)) add(man);
  for (const man of regionalMen(60, 'Тыва', TUVAN_SURNAMES, TUVAN_NAMES, 1975, 20)) add(man);
  // One man in eight lists, every record full.
  const ofMan = Array.from({ length: 8 }, (_, k) =>
    add({
      surname: 'Ооржак',
      given_name: 'Саян',
      patronymic: 'Кан-оолович',
      birth_date: '12.05.1990',
      region: 'Тыва',
      source: `list${k}`,
    }),
  );
  // Five namesakes, each in one list, each with his own father and birthday.
  const namesakes = ['Анатольевич', 'Борисович', 'Викторович', 'Григорьевич', 'Дмитриевич'].map((patronymic, k) =>
    add({
      surname: 'Ооржак',
      given_name: 'Саян',
      patronymic,
      birth_date: `0${k + 1}.0${k + 2}.198${k}`,
      region: 'Тыва',
      source: 'other',
    }),
  );
  // A record that says nothing but the name and the region.
  const onlyName = add({ surname: 'Ооржак', given_name: 'Саян', region: 'Тыва', source: 'tips' });
  engine.train();
  return { engine, ofMan, namesakes, onlyName };
};

describe("the clustering's second look: a man's own records counted", () => {
  it('weighs a bare name to a man found many times up, and to a namesake found once down', () => {
    const { engine, ofMan, namesakes, onlyName } = build();
    const predicted = engine.predict();
    const bits = (a: number, b: number): number => weightOf(engine.probability(a, b));
    const toMan = bits(onlyName, ofMan[0]);
    const frequencies = engine.scorer!.frequencies;
    const given = engine.comparisons.findIndex((c) => c.name === 'given_name');
    // "Саян" among the Ооржак of Tyva, for a namesake found once (region and surname agree: depth 2).
    const namesakeFrequency = frequencies.log2Frequency(given, namesakes[0], 2, 0.01);
    const result = engine.cluster(predicted.edges);
    // The first clustering gathered the man's eight records and kept the namesakes apart.
    expect(new Set(ofMan.map((r) => result.clusterOf[r])).size).toBe(1);
    expect(namesakes.every((r) => result.clusterOf[r] !== result.clusterOf[ofMan[0]])).toBe(true);
    // Counted, his eight records are not "other men called so": a bare name is likelier his.
    expect(bits(onlyName, ofMan[0])).toBeGreaterThan(toMan + 1);
    // A namesake found once is one record of his own, not four: the name is commoner among the others.
    expect(frequencies.log2Frequency(given, namesakes[0], 2, 0.01)).toBeGreaterThan(namesakeFrequency + 0.2);
    // The next scoring starts again from the assumption, as a worker thread scores.
    engine.predict();
    expect(bits(onlyName, ofMan[0])).toBeCloseTo(toMan, 9);
  });
});
