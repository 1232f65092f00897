// `kintrace evaluate TRUTH.csv CLUSTERS.csv`: how well a clustering (the `dedupe` output)
// agrees with a labelled sample, so an organisation can measure the engine on its own data.
// Only the labelled records are scored: a sample labels a few hundred records of a list whose
// clusters file covers all of it. A labelled record missing from the clusters is an error (the
// two files do not belong together); extra clustered records are counted and ignored.
import { clusterScores, type ClusterScores } from './engine/metrics.ts';
import { unescapeCell } from '../shared/csv-safe.ts';
import { columnOf, CsvInputError, noColumn, RowError, readCsv } from './linkage.csv.ts';
import { Said, type Translate } from '../shared/said.ts';

/** record_id → label, read from a two-column file; the label column may have either name. */
const readLabels = async (file: string, labelColumns: readonly string[]): Promise<Map<string, string>> => {
  const labels = new Map<string, string>();
  let labelIndex = -1;
  let idIndex = -1;
  await readCsv(
    file,
    (row, header) => {
      if (labelIndex < 0) {
        // Named in any letter case, as readCsv's `required` check finds the id column.
        idIndex = columnOf(header, 'record_id');
        labelIndex = header.findIndex((h) => labelColumns.includes(h.toLowerCase()));
        if (labelIndex < 0)
          throw new CsvInputError(
            file,
            1,
            labelColumns.length > 1
              ? { key: 'linkage.csv.noTruthColumn', params: { found: header.join(', ') } }
              : noColumn(labelColumns[0], header),
          );
      }
      if (row.length !== header.length)
        throw new RowError('linkage.csv.cells', { count: row.length, header: header.length, runsOn: '' });
      // Our own outputs write an id such as "-1" as '-1, so that a spreadsheet shows it as text.
      const id = unescapeCell(row[idIndex]);
      const label = unescapeCell(row[labelIndex]);
      if (!label) throw new RowError('linkage.csv.emptyCell', { column: header[labelIndex] });
      if (labels.has(id)) throw new RowError('linkage.csv.duplicateId', { column: header[idIndex], id });
      labels.set(id, label);
    },
    { required: 'record_id' },
  );
  return labels;
};

export interface Evaluation extends ClusterScores {
  /** Clustered records with no truth label (not scored). */
  unlabelled: number;
}

export const evaluateFiles = async (truthFile: string, clustersFile: string): Promise<Evaluation> => {
  const truth = await readLabels(truthFile, ['person_id', 'cluster_id']);
  const clusters = await readLabels(clustersFile, ['cluster_id']);
  const ids = [...truth.keys()];
  // A header alone scored 1.0 on every measure.
  if (!ids.length) throw new Said('linkage.csv.noLabelled', { file: truthFile });
  const missing = ids.filter((id) => !clusters.has(id));
  if (missing.length) {
    const said = { clusters: clustersFile, truth: truthFile, id: missing[0] };
    throw missing.length > 1
      ? new Said('linkage.csv.notCoveredMore', {
          ...said,
          missing: missing.length,
          more: missing.length - 1,
          records: ids.length,
        })
      : new Said('linkage.csv.notCovered', said);
  }
  const scores = clusterScores(
    ids.map((id) => clusters.get(id)!),
    ids.map((id) => truth.get(id)!),
  );
  return { ...scores, unlabelled: clusters.size - ids.length };
};

const f = (x: number): string => x.toFixed(4);

/** The figures keep their technical names (precision, recall, F1, B-cubed); the words around them are t's. */
export const formatEvaluation = (e: Evaluation, t: Translate): string =>
  [
    t('linkage.cli.evaluation.scored', {
      records: e.records,
      ignored: e.unlabelled ? t('linkage.cli.evaluation.ignored', { unlabelled: e.unlabelled }) : '',
    }),
    t('linkage.cli.evaluation.pairwise', {
      precision: f(e.precision),
      recall: f(e.recall),
      f1: f(e.f1),
      truePairs: e.truePairs,
      predicted: e.predictedPairs,
      correct: e.truePositives,
    }),
    t('linkage.cli.evaluation.bcubed', {
      precision: f(e.bcubedPrecision),
      recall: f(e.bcubedRecall),
      f1: f(e.bcubedF1),
    }),
    '',
  ].join('\n');

export const evaluateCommand = async (truthFile: string, clustersFile: string, t: Translate): Promise<string> =>
  formatEvaluation(await evaluateFiles(truthFile, clustersFile), t);
