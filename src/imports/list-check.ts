import { readList } from './list-format.ts';
import { ProblemLog, WarningLog, type ProblemReport, type WarningReport } from './list-problems.ts';
import { readRow, type ListContext, type Mapping, type ReadRow } from './row-rules.ts';

// The whole list checked before anything is written: every row read, every bad line noted with
// its columns and reasons (not only the first: a file with errors on lines 3, 4 and 6 is fixed
// in one go), and what is imported otherwise than the list says. Writes nothing; a list with a
// single bad line is not imported at all (imports.service.ts).

export interface CheckedRow extends ReadRow {
  line: number;
  values: string[];
  hash: string;
}

export interface CheckedList {
  total: number;
  /** every row, read; empty when the list has problems (they are not kept: nothing will be written) */
  rows: CheckedRow[];
  problems: ProblemReport;
  warnings: WarningReport[];
}

/** How often the caller is told how far the check is (and given a moment to let others run). */
export const CHECK_STEP = 2000;

export const checkList = async (
  text: string,
  mapping: Mapping,
  ctx: ListContext,
  opts: {
    hash: (values: string[]) => string;
    /** lines of the list checked so far, of all of them (rows and lines that are none) */
    step?: (done: number, total: number) => Promise<void>;
  },
): Promise<CheckedList> => {
  const { header, rows, broken, unreadAfter } = readList(text);
  const problems = new ProblemLog();
  const warnings = new WarningLog();
  for (const b of broken) problems.add(b.line, [{ key: b.key, params: b.params }]);
  problems.unreadAfter = unreadAfter;
  const total = rows.length + broken.length;
  const read: CheckedRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    const { line, values } = rows[i];
    const row = readRow(line, values, header, mapping, ctx);
    problems.add(line, row.problems);
    for (const w of row.warnings) warnings.add(line, w);
    // Once a line is bad nothing will be written: the rows are only checked, not kept.
    if (problems.lines === 0) read.push({ ...row, line, values, hash: opts.hash(values) });
    // Of the whole list: the lines that could not be read as rows are checked already.
    if (i % CHECK_STEP === CHECK_STEP - 1) await opts.step?.(broken.length + i + 1, total);
  }
  await opts.step?.(total, total);
  return {
    total,
    rows: problems.lines === 0 ? read : [],
    problems: problems.report(),
    warnings: warnings.report(),
  };
};
