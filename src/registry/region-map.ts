import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoArea, geoCentroid, geoConicEqualArea, geoContains, geoPath, type GeoPermissibleObjects } from 'd3-geo';

// The map of the 85 regions (data/regions.geo.json, Natural Earth 1:50m; data/SOURCES.md),
// projected and simplified ONCE, when the module is first loaded: a request only colours paths
// computed here. Conic equal-area centred on 100°E (areas compare fairly, and Chukotka, which
// crosses the antimeridian, stays whole). Paths are in whole units of a 1000-wide viewBox, written
// with relative moves, after Douglas–Peucker simplification and dropping islets too small to see:
// about 12 KB of path data for the whole country instead of the file's 330 KB.

export const MAP_WIDTH = 1000;
/** The three federal cities: a few units wide at this scale, drawn as markers on top. */
const FEDERAL_CITIES = new Set(['RU-MOW', 'RU-SPE', 'UA-40']);
/** Simplification tolerance in viewBox units (1000 wide: under a pixel on a phone). */
const TOLERANCE = 1.2;
/** Rings smaller than this (square viewBox units) are dropped, unless a region would lose all. */
const MIN_RING_AREA = 4;

export interface RegionShape {
  code: string;
  /** the SVG path ("" for the federal cities, drawn as a marker) */
  d: string;
  /** where the marker of a small region goes */
  centroid: [number, number];
  /** too small to see at this scale: drawn as a circle on top */
  marker: boolean;
}

type Ring = Array<[number, number]>;

interface Feature {
  type: 'Feature';
  properties: { iso_3166_2: string };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: number[][][] | number[][][][] };
}

const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'regions.geo.json');

/** Perpendicular distance from p to the segment a–b. */
const distance = (p: [number, number], a: [number, number], b: [number, number]): number => {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
};

/** Douglas–Peucker, iterative (rings have thousands of points). */
export const simplify = (ring: Ring, tolerance: number): Ring => {
  if (ring.length <= 4) return ring;
  const keep = new Uint8Array(ring.length);
  keep[0] = 1;
  keep[ring.length - 1] = 1;
  const stack: Array<[number, number]> = [[0, ring.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let worst = 0;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const d = distance(ring[i], ring[first], ring[last]);
      if (d > worst) {
        worst = d;
        index = i;
      }
    }
    if (index >= 0 && worst > tolerance) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return ring.filter((_, i) => keep[i] === 1);
};

const ringArea = (ring: Ring): number => {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    a += (ring[j][0] + ring[i][0]) * (ring[j][1] - ring[i][1]);
  return Math.abs(a / 2);
};

/** A ring as a path: absolute start, then whole-unit relative steps (repeated points dropped). */
const ringPath = (ring: Ring): string => {
  const pts = ring.map(([x, y]) => [Math.round(x), Math.round(y)] as [number, number]);
  let [px, py] = pts[0];
  let steps = '';
  for (const [x, y] of pts.slice(1)) {
    if (x === px && y === py) continue;
    steps += `${steps ? ' ' : ''}${x - px} ${y - py}`;
    [px, py] = [x, y];
  }
  // "3 -4" may be written "3-4": the minus sign separates the numbers.
  return steps ? `M${pts[0][0]} ${pts[0][1]}l${steps.replace(/ -/g, '-')}z` : '';
};

/** d3-geo wants exterior rings clockwise; a polygon wound the other way covers the rest of the globe. */
const rewoundPolygon = (rings: number[][][]): number[][][] =>
  geoArea({ type: 'Polygon', coordinates: rings } as GeoPermissibleObjects) > 2 * Math.PI
    ? rings.map((r) => [...r].reverse())
    : rings;

const polygonsOf = (f: Feature): number[][][][] =>
  f.geometry.type === 'Polygon' ? [f.geometry.coordinates as number[][][]] : (f.geometry.coordinates as number[][][][]);

const withPolygons = (f: Feature, polygons: number[][][][]): Feature => ({
  ...f,
  geometry: { type: 'MultiPolygon', coordinates: polygons },
});

/** Sutherland–Hodgman: a ring (lon, lat) cut to a rectangle. */
const clipRing = (ring: number[][], box: { lon: [number, number]; lat: [number, number] }): number[][] => {
  const edges: Array<{ inside: (p: number[]) => boolean; axis: 0 | 1; value: number }> = [
    { inside: (p) => p[0] >= box.lon[0], axis: 0, value: box.lon[0] },
    { inside: (p) => p[0] < box.lon[1], axis: 0, value: box.lon[1] },
    { inside: (p) => p[1] >= box.lat[0], axis: 1, value: box.lat[0] },
    { inside: (p) => p[1] < box.lat[1], axis: 1, value: box.lat[1] },
  ];
  let out = ring.slice(0, -1);
  for (const e of edges) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i];
      const prev = input[(i + input.length - 1) % input.length];
      const cross = () => {
        const t = (e.value - prev[e.axis]) / (cur[e.axis] - prev[e.axis]);
        return [prev[0] + t * (cur[0] - prev[0]), prev[1] + t * (cur[1] - prev[1])];
      };
      if (e.inside(cur)) {
        if (!e.inside(prev)) out.push(cross());
        out.push(cur);
      } else if (e.inside(prev)) out.push(cross());
    }
    if (out.length === 0) return [];
  }
  return out.length >= 3 ? [...out, out[0]] : [];
};

const clipPolygons = (polygons: number[][][][], box: { lon: [number, number]; lat: [number, number] }) =>
  polygons.flatMap((rings) => {
    const outer = clipRing(rings[0], box);
    return outer.length
      ? [
          [
            outer,
            ...rings
              .slice(1)
              .map((r) => clipRing(r, box))
              .filter((r) => r.length),
          ],
        ]
      : [];
  });

const PETROZAVODSK = [34.35, 61.79];

/**
 * The shared file draws the Republic of Karelia inside Murmansk Oblast's outline (its "Karelia" is
 * a 222 km² island; data/SOURCES.md). Until the file is fixed, the outline is cut along the border's
 * approximate course — 66.55° N west of the White Sea's Kandalaksha Bay (33.6° E), 65.9° N east
 * of it, within about 20 km at this scale — and the southern part drawn as Karelia. Skipped as soon
 * as the file puts Petrozavodsk in Karelia.
 */
const splitKarelia = (features: Feature[]): Feature[] => {
  const mur = features.find((f) => f.properties.iso_3166_2 === 'RU-MUR');
  const kr = features.find((f) => f.properties.iso_3166_2 === 'RU-KR');
  if (!mur || !kr || !geoContains(mur as unknown as GeoPermissibleObjects, PETROZAVODSK as [number, number]))
    return features;
  const all: [number, number] = [-180, 180];
  const north = (lat: number): [number, number] => [lat, 90];
  const karelia = [
    ...clipPolygons(polygonsOf(mur), { lon: all, lat: [-90, 65.9] }),
    ...clipPolygons(polygonsOf(mur), { lon: [-180, 33.6], lat: [65.9, 66.55] }),
    ...polygonsOf(kr),
  ];
  const murmansk = [
    ...clipPolygons(polygonsOf(mur), { lon: all, lat: north(66.55) }),
    ...clipPolygons(polygonsOf(mur), { lon: [33.6, 180], lat: [65.9, 66.55] }),
  ];
  return features.map((f) => (f === mur ? withPolygons(f, murmansk) : f === kr ? withPolygons(f, karelia) : f));
};

const build = (): RegionShape[] => {
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { features: Feature[] };
  const features = splitKarelia(data.features.map((f) => withPolygons(f, polygonsOf(f).map(rewoundPolygon))));
  const collection = { type: 'FeatureCollection', features } as unknown as GeoPermissibleObjects;
  const projection = geoConicEqualArea()
    .rotate([-100, 0])
    .parallels([52, 64])
    .fitWidth(MAP_WIDTH - 24, collection);
  const [[, y0], [, y1]] = geoPath(projection).bounds(collection);
  // Leave room on the left for Sevastopol's marker and on the right for the legend's width.
  projection.translate([projection.translate()[0] + 12, projection.translate()[1] - y0 + 8]);
  mapHeight = Math.ceil(y1 - y0 + 16);
  const shapes = features.map((f) => {
    // Collect the projected rings through a minimal path context.
    const rings: Ring[] = [];
    let current: Ring = [];
    geoPath(projection, {
      moveTo: (x: number, y: number) => {
        current = [[x, y]];
        rings.push(current);
      },
      lineTo: (x: number, y: number) => current.push([x, y]),
      closePath: () => {},
      arc: () => {},
      beginPath: () => {},
    } as unknown as CanvasRenderingContext2D)(f as unknown as GeoPermissibleObjects);
    const simplified = rings.map((r) => simplify(r, TOLERANCE)).filter((r) => r.length >= 3);
    const largest = Math.max(0, ...simplified.map(ringArea));
    const kept = simplified.filter((r) => ringArea(r) >= MIN_RING_AREA || ringArea(r) === largest);
    const centroid = projection(geoCentroid(f as unknown as GeoPermissibleObjects)) ?? [0, 0];
    return {
      code: f.properties.iso_3166_2,
      d: kept.map(ringPath).join(''),
      centroid: [Math.round(centroid[0]), Math.round(centroid[1])] as [number, number],
      marker: FEDERAL_CITIES.has(f.properties.iso_3166_2),
    };
  });
  return shapes;
};

let mapHeight = 0;
/** The viewBox height the projection needs for MAP_WIDTH (known once the shapes are built). */
export const mapViewBoxHeight = (): number => {
  regionShapes();
  return mapHeight;
};

/** The shapes of the 85 regions, computed at first use and kept for the life of the process. */
let shapes: RegionShape[] | null = null;
export const regionShapes = (): RegionShape[] => {
  shapes ??= build();
  return shapes;
};
