// The frequency of a value (a given name) in the places (regions) that records of its first
// context (a surname) come from: a Магомедов named in a record without a region is most likely
// from Dagestan, and "Руслан" among Dagestani men is ten times commoner than nationally. A pair
// that shares no place takes at least this frequency (term-frequency.ts log2Frequency). One
// PlaceFloors per comparison whose chain has two contexts (surname, region).
import { type Chain, combine } from './term-chain.ts';

/** The places counts of a chain, built on first use from the records counted so far. */
interface Places {
  /** The chain's first-context id (a surname) → the places its records name. How many name each,
   * and how many of them hold the value, the chain's second-depth counts already say. */
  placesOf: Map<number, number[]>;
  /** value·PLACES + place → records */
  valueAt: Map<number, number>;
  /** place → records */
  at: Int32Array;
  /** context id → its places and their counts, as of an epoch of the floors (contextPlaces). */
  byContext: Map<number, ContextPlaces>;
}

/** The places one context's records name, how many name each, and their sum. */
interface ContextPlaces {
  epoch: number;
  places: number[];
  named: Int32Array;
  placed: number;
}

/** The floor per (value, context) joint id, valid while its stamp is the current epoch. */
interface Floors {
  value: Float64Array;
  stamp: Int32Array;
  epoch: number;
  /** A worker's copy: every floor computed, no counts to compute more from. */
  frozen: boolean;
}

/** Place ids (regions: about ninety) are below this, so that id·PLACES stays a small integer. */
const PLACES = 128;
/** Records of a context with a place below which its places are not trusted to say where it is from. */
const MIN_PLACED = 5;

export class PlaceFloors {
  private places: Places | null = null;
  private floors: Floors | null = null;

  constructor(
    private readonly ch: Chain,
    /** The chain's value of a record (a given name). */
    private readonly nameOf: (r: number) => number,
    /** The record's place: the chain's second context (a region). */
    private readonly placeOf: (r: number) => number,
  ) {}

  /** Takes a main thread's floors of every record (all()): a worker's copy, never counted in. */
  freeze(value: Float64Array): void {
    this.floors = { value, stamp: new Int32Array(0), epoch: 0, frozen: true };
  }

  /** Record r counted in (by 1) or out (−1), once the places are built. */
  counted(r: number, by: number): void {
    if (this.places) this.place(this.places, r, by);
  }

  /** The floors of records [0, total), for a worker (freeze()). */
  all(total: number): Float64Array | null {
    for (let r = 0; r < total; r++) this.floor(r, total);
    return this.floors?.value ?? null;
  }

  /** The places counts, built from records [0, total). */
  private placesOf(total: number): Places {
    let p = this.places;
    if (!p) {
      p = { placesOf: new Map(), valueAt: new Map(), at: new Int32Array(PLACES), byContext: new Map() };
      this.places = p;
      for (let r = 0; r < total; r++) this.place(p, r, 1);
    }
    return p;
  }

  private place(p: Places, r: number, by: number): void {
    const ch = this.ch;
    const v = this.nameOf(r);
    const at = this.placeOf(r);
    const context = r < ch.context[0].length ? ch.context[0].data[r] : -1;
    if (v < 0 || at < 0 || at >= PLACES || context < 0) return;
    const places = p.placesOf.get(context);
    if (!places) p.placesOf.set(context, [at]);
    else if (!places.includes(at)) places.push(at);
    p.valueAt.set(v * PLACES + at, (p.valueAt.get(v * PLACES + at) ?? 0) + by);
    p.at[at] += by;
    const f = this.floors;
    if (f) f.epoch++;
  }

  /**
   * Σ_place P(place | record r's context) · P(its value | place, among records of other contexts):
   * how common the value is where men of this context come from (0 when too few records of the
   * context name a place). Kept per (value, context) until the counts change. `total`: the
   * records counted.
   */
  floor(r: number, total: number): number {
    const ch = this.ch;
    const joint = r < ch.joint[0].length ? ch.joint[0].data[r] : -1;
    if (joint < 0) return 0;
    let f = this.floors;
    if (!f) {
      f = { value: new Float64Array(1024), stamp: new Int32Array(1024).fill(-1), epoch: 0, frozen: false };
      this.floors = f;
    }
    if (f.frozen) return joint < f.value.length ? f.value[joint] : 0;
    if (joint >= f.value.length) {
      const size = Math.max(joint + 1, f.value.length * 2);
      const value = new Float64Array(size);
      value.set(f.value);
      const stamp = new Int32Array(size).fill(-1);
      stamp.set(f.stamp);
      f.value = value;
      f.stamp = stamp;
    }
    if (f.stamp[joint] === f.epoch) return f.value[joint];
    const p = this.placesOf(total);
    const v = this.nameOf(r);
    const context = ch.context[0].data[r];
    let floor = 0;
    const { places, named, placed } = this.contextPlaces(p, f.epoch, context);
    if (placed >= MIN_PLACED) {
      for (let k = 0; k < places.length; k++) {
        const at = places[k];
        const n = named[k];
        // Other contexts only: the scored man's own records (and his namesakes') are not the place.
        const others = p.at[at] - n;
        if (n <= 0 || others <= 0) continue;
        // Records of (value, context, place): the chain's second depth.
        const id = ch.jointIds[1].get(combine(joint, at));
        const value = (p.valueAt.get(v * PLACES + at) ?? 0) - (id >= 0 ? ch.jointCounts[1].data[id] : 0);
        if (value > 0) floor += (n / placed) * (value / others);
      }
    }
    f.value[joint] = floor;
    f.stamp[joint] = f.epoch;
    return floor;
  }

  /**
   * The places a context's records name and how many name each (the chain's second-depth context
   * counts), kept per context for the epoch: every value of one surname asks the same question.
   */
  private contextPlaces(p: Places, epoch: number, context: number): ContextPlaces {
    const kept = p.byContext.get(context);
    if (kept && kept.epoch === epoch) return kept;
    const places = p.placesOf.get(context) ?? [];
    const named = new Int32Array(places.length);
    let placed = 0;
    for (let k = 0; k < places.length; k++) {
      const id = this.ch.contextIds[1].get(combine(context, places[k]));
      named[k] = id >= 0 ? this.ch.contextCounts[1].data[id] : 0;
      placed += named[k];
    }
    const entry = { epoch, places, named, placed };
    p.byContext.set(context, entry);
    return entry;
  }
}
