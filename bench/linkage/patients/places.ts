import type { Rng } from './rng.ts';

/** A Houston-area network: cities with a few of their ZIP codes, most patients from the city itself. */
const CITIES: [string, number, string][] = [
  ['Houston', 50, '77002 77003 77004 77006 77007 77008 77009 77011 77012 77013 77016 77017 77018 77019 77020 77021'],
  ['Houston', 0, '77022 77023 77025 77026 77028 77029 77031 77033 77034 77035 77036 77037 77038 77039 77040 77041'],
  ['Houston', 0, '77042 77043 77045 77047 77048 77051 77053 77054 77055 77057 77060 77061 77063 77067 77070 77072'],
  ['Houston', 0, '77074 77075 77076 77077 77078 77079 77080 77081 77082 77083 77084 77085 77087 77088 77090 77099'],
  ['Pasadena', 5, '77502 77503 77504 77505 77506'],
  ['Sugar Land', 3, '77478 77479 77498'],
  ['Katy', 4, '77449 77450 77493 77494'],
  ['Pearland', 3, '77581 77584'],
  ['Baytown', 3, '77520 77521'],
  ['League City', 2, '77573'],
  ['Missouri City', 2, '77459 77489'],
  ['Spring', 4, '77373 77379 77386 77388 77389'],
  ['Humble', 2, '77338 77346 77396'],
  ['Cypress', 3, '77429 77433'],
  ['Tomball', 1, '77375 77377'],
  ['Conroe', 2, '77301 77302 77304'],
  ['The Woodlands', 2, '77380 77381 77382'],
  ['Galveston', 1, '77550 77551'],
  ['Stafford', 1, '77477'],
  ['Bellaire', 1, '77401'],
  ['Friendswood', 1, '77546'],
  ['Channelview', 1, '77530'],
  ['La Porte', 1, '77571'],
  ['Alvin', 1, '77511'],
  ['Rosenberg', 1, '77471'],
];
const OUT_OF_AREA: [string, string, string][] = [
  ['San Antonio', 'TX', '78201'],
  ['Dallas', 'TX', '75217'],
  ['Austin', 'TX', '78744'],
  ['Beaumont', 'TX', '77701'],
  ['Lake Charles', 'LA', '70601'],
  ['Shreveport', 'LA', '71106'],
  ['Oklahoma City', 'OK', '73109'],
  ['Brownsville', 'TX', '78521'],
];
/** How clerks shorten or misspell a city. */
export const CITY_VARIANTS: Record<string, string[]> = {
  Houston: ['Hou', 'Houston Tx', 'Housotn', 'Huston'],
  'Sugar Land': ['Sugarland'],
  'League City': ['League Cty'],
  'Missouri City': ['Missouri Cty', 'Mo City'],
  'The Woodlands': ['Woodlands', 'Spring'],
  Cypress: ['Houston'],
  Spring: ['Houston'],
  Katy: ['Houston'],
  Channelview: ['Houston'],
  'La Porte': ['Laporte'],
  Pasadena: ['Pasadena Tx', 'S Houston'],
};
const STREETS = (
  'Main,Westheimer,Bellaire,Bissonnet,Richmond,Gessner,Kirby,Fondren,Hillcroft,Beechnut,Airline,Aldine Bender,' +
  'Antoine,Veterans Memorial,Telephone,Old Spanish Trail,Cullen,Scott,Almeda,Fannin,Holcombe,Wilcrest,Dairy Ashford,' +
  'Eldridge,Memorial,Clay,Tidwell,Little York,Jensen,Wayside,Lockwood,Harrisburg,Navigation,Shepherd,Durham,Ella,' +
  'Yale,Heights,Oak,Pine,Cedar,Elm,Maple,Willow,Pecan,Magnolia,Live Oak,Cypress Creek,Spring Cypress,Louetta,' +
  'Bay Area,El Camino Real,Garth,Cedar Bayou,Fairmont,Spencer,Red Bluff,Broadway,Park Place,Bellfort,Airport,' +
  'Hiram Clarke,Martin Luther King,Lyons,Wheeler,Rosedale,Summer Creek,Lakeview,Sunset,Parkview,Meadow Glen,' +
  'Brookside,Briar Forest,Windmill Lakes,Greens,Kuykendahl,Mason,Fry,Barker Cypress,Highland Knolls,Cambridge,Bonham'
).split(',');
export const STREET_TYPES: [string, string][] = [
  ['St', 'Street'],
  ['Dr', 'Drive'],
  ['Rd', 'Road'],
  ['Ln', 'Lane'],
  ['Blvd', 'Boulevard'],
  ['Ave', 'Avenue'],
  ['Ct', 'Court'],
  ['Way', 'Way'],
  ['Pkwy', 'Parkway'],
  ['Cir', 'Circle'],
  ['Trl', 'Trail'],
];
export const DIRS: [string, string][] = [
  ['N', 'North'],
  ['S', 'South'],
  ['E', 'East'],
  ['W', 'West'],
];
const AREA_CODES = ['713', '281', '832', '346', '713', '281', '832'];

export interface Address {
  num: string;
  dir: number; // index into DIRS, -1 for none
  street: string;
  type: number; // index into STREET_TYPES
  unit: string;
  city: string;
  state: string;
  zip: string;
  plus4: string;
  poBox?: string;
}

export function newAddress(rng: Rng): Address {
  let city: string;
  let state = 'TX';
  let zip: string;
  if (rng.chance(0.03)) {
    const o = rng.pick(OUT_OF_AREA);
    [city, state, zip] = o;
  } else {
    const i = rng.weighted(CITIES.map((c) => (c[0] === 'Houston' ? 12.5 : c[1])));
    city = CITIES[i][0];
    zip = rng.pick(CITIES[i][2].split(' '));
  }
  const apt = rng.chance(0.33);
  return {
    num: String(apt ? rng.range(100, 19999) : rng.range(100, 25999)),
    dir: rng.chance(0.15) ? rng.int(4) : -1,
    street: rng.zipf(STREETS, 0.6),
    type: rng.weighted([30, 25, 12, 14, 6, 5, 4, 2, 1, 1, 1]),
    unit: apt
      ? rng.chance(0.5)
        ? String(rng.range(100, 2499))
        : `${rng.range(1, 40)}${rng.pick(['', 'A', 'B'])}`
      : '',
    city,
    state,
    zip,
    plus4: String(rng.range(1000, 9999)),
  };
}

export function newPhone(rng: Rng): string {
  return `${rng.pick(AREA_CODES)}${rng.range(201, 989)}${String(rng.int(10000)).padStart(4, '0')}`;
}

export function newSsn(rng: Rng): string {
  let area = rng.range(1, 899);
  if (area === 666) area = 667;
  return `${String(area).padStart(3, '0')}${String(rng.range(1, 99)).padStart(2, '0')}${String(rng.range(1, 9999)).padStart(4, '0')}`;
}
