// `kintrace dedupe --sheet`: the input sheet written back as it was, each row with its cluster and
// the cluster's size, so that a rights group sees which of its own rows are one man in the sheet
// it keeps (sorted by cluster in Excel), rather than matching row numbers from a second file.
import { closeSync, openSync, writeSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { spreadsheetSafe } from '../shared/csv-safe.ts';
import { readCsv } from './linkage.csv.ts';
import type { RunResult } from './linkage.run.ts';
import { Said } from '../shared/said.ts';

/** The input was edited during the run: its rows no longer are the records linked. */
const changed = (file: string): Said => new Said('linkage.csv.changedDuringRun', { file });

/** Rows written at once: the sheet is read row by row, and a million rows are not held. */
const BATCH = 10_000;

/**
 * Writes `input` again to `file` with `cluster_id` (the id of the cluster's first record: the id
 * column's, or the row number) and `cluster_size` after its own columns, in its own separator,
 * UTF-8 with a byte-order mark (Excel reads a file without one in the system's code page). Rows
 * come in the order the run read them: the same reader, the same blank rows skipped.
 */
export const writeSheet =
  (input: string) =>
  async (file: string, result: RunResult): Promise<void> => {
    const { engine, clusters } = result;
    const { ids } = engine.data;
    const size = new Int32Array(engine.data.size);
    for (const first of clusters.clusterOf) size[first]++;
    const fd = openSync(file, 'w');
    try {
      writeSync(fd, '\ufeff');
      let rows: string[][] = [];
      let delimiter = ',';
      const flush = (): void => {
        if (rows.length) writeSync(fd, stringify(rows, { delimiter }));
        rows = [];
      };
      let k = 0;
      await readCsv(input, (row, header, _index, rowDelimiter) => {
        if (k === 0) {
          delimiter = rowDelimiter;
          rows.push([...header, 'cluster_id', 'cluster_size'].map(spreadsheetSafe));
        }
        if (k >= engine.data.size) throw changed(input);
        const first = clusters.clusterOf[k++];
        rows.push([...row.map(spreadsheetSafe), spreadsheetSafe(ids[first]), String(size[first])]);
        if (rows.length >= BATCH) flush();
      });
      if (k !== engine.data.size) throw changed(input);
      flush();
    } finally {
      closeSync(fd);
    }
  };
