// An explicit --threshold below the config's minAverage (0.5 for person records) lowers it and
// the review threshold to itself: two lone records scoring between the two were once neither
// merged (their average is their own probability) nor listed for review.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../bench/linkage/independent/generate.ts';
import { personConfig } from './engine/person-config.ts';
import { runLinkage } from './linkage.run.ts';

describe('an explicit --threshold below minAverage', () => {
  it('links two lone records that score at or above it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kintrace-bughunt-'));
    // The independent generator's list of 5,000 records (bench/linkage/independent).
    await generate({ n: 5000, seed: 42, out: dir, namesakes: false });
    const file = join(dir, 'people.csv');
    const threshold = 0.3;
    const { engine, predicted, clusters } = await runLinkage({
      files: [file],
      config: personConfig(),
      threshold,
      progress: false,
    });
    expect(clusters.linkThreshold).toBe(threshold);
    const size = new Map<number, number>();
    for (const c of clusters.clusterOf) size.set(c, (size.get(c) ?? 0) + 1);
    const { a, b } = predicted.edges;
    // Edges (as finally scored) at or above the link threshold between two records left alone.
    const missed: string[] = [];
    for (let e = 0; e < predicted.edges.length; e++) {
      const p = engine.probability(a[e], b[e]);
      if (p < threshold || engine.scorer!.cannotLink) continue;
      if (size.get(clusters.clusterOf[a[e]]) === 1 && size.get(clusters.clusterOf[b[e]]) === 1)
        missed.push(`${engine.data.ids[a[e]]}–${engine.data.ids[b[e]]} p=${p.toFixed(3)}`);
    }
    expect(missed).toEqual([]);
  });
});
