// A full garbage collection between the batch pipeline's phases. Normalising a million records
// leaves hundreds of megabytes of short strings behind, and V8 collects them only when the heap
// next fills, so they were still held while scoring and clustering reached the run's peak: at a
// million records of the fourth generator 1,441 MB without it and 1,364 MB with it (one run each;
// a run's peak varies by about 100 MB). Each collection takes about 0.1 s there.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null | undefined;

export const collectGarbage = (): void => {
  if (gc === undefined) {
    try {
      // The documented way to reach V8's gc() without starting node with --expose-gc.
      setFlagsFromString('--expose_gc');
      gc = runInNewContext('gc') as () => void;
    } catch {
      gc = null;
    }
  }
  gc?.();
};
