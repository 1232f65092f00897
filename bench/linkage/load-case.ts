// One benchmark case, linked with the person config: the trained engine, the truth per record and
// the clustering. Shared by the aggregate-only analysis scripts (diagnose, oracle).
import type { LinkageEngine } from '../../src/linkage/engine/engine.ts';
import { runLinkage } from '../../src/linkage/linkage.run.ts';
import { caseConfig, generatedFiles, readTruth } from './datasets.ts';
import { publicEngine } from './public-sets.ts';

export interface LoadedCase {
  engine: LinkageEngine;
  truth: string[];
  clusterOf: Int32Array;
  /** The link probability the engine chose for this file. */
  linkThreshold: number;
}

/** name: own-20k, independent-1m, … or a public set (febrl3, fake_1000). */
export const loadCase = async (name: string, seed: number): Promise<LoadedCase> => {
  const files = await generatedFiles(name, seed);
  if (files) {
    const r = await runLinkage({ files: [files.people], config: caseConfig(name.split('-')[0]), progress: false });
    return {
      engine: r.engine,
      truth: await readTruth(files.truth, r.engine.data.ids),
      clusterOf: r.clusters.clusterOf,
      linkThreshold: r.clusters.linkThreshold,
    };
  }
  const r = publicEngine(name);
  return { engine: r.engine, truth: r.truth, clusterOf: r.clusterOf, linkThreshold: r.linkThreshold };
};
