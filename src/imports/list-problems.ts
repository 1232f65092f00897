// What is wrong with a list, line by line, kept to a size a page can show: a file with a bad row
// on every one of its million lines must neither fill the memory nor the import's row. Said in
// words the same way on the import's page and by `kintrace import` (the caller's translate
// function: the page's language or the operator's). Pure.

/** One thing wrong (or worth saying) about one line: an i18n key and its parameters (a column, a limit — never a cell's value). */
export interface RowProblem {
  key: string;
  params: Record<string, string | number>;
}

export interface LineReport {
  line: number;
  problems: RowProblem[];
  /** problems of this line beyond those kept */
  more: number;
}

/** Every bad line of a list, the first ones in full. */
export interface ProblemReport {
  /** how many lines have at least one problem */
  lines: number;
  /** the first lines with problems, in line order */
  shown: LineReport[];
  /** a quote left open (or a row too long) swallowed the rest of the file: nothing after this line was read */
  unreadAfter: number | null;
}

/** One kind of thing imported differently than the list says (a region not recognised…), with its lines. */
export interface WarningReport extends RowProblem {
  /** how many lines */
  count: number;
  /** the first of them */
  lines: number[];
}

/** Lines shown in full; beyond them, only how many more there are. */
export const MAX_LINES_SHOWN = 100;
/** Problems shown per line (a row of a hundred formulas is said in five and "5 more"). */
export const MAX_PER_LINE = 5;

export class ProblemLog {
  private count = 0;
  private readonly kept: LineReport[] = [];
  unreadAfter: number | null = null;

  /** The problems of one line (each line is added once). Lines may come in any order. */
  add(line: number, problems: RowProblem[]): void {
    if (problems.length === 0) return;
    this.count++;
    const report = {
      line,
      problems: problems.slice(0, MAX_PER_LINE),
      more: Math.max(0, problems.length - MAX_PER_LINE),
    };
    const last = this.kept.at(-1);
    if (this.kept.length < MAX_LINES_SHOWN && (!last || last.line < line)) {
      this.kept.push(report);
      return;
    }
    // Out of order (the parser's lines before the rows' own), or past the limit: keep the lowest lines.
    if (this.kept.length >= MAX_LINES_SHOWN && last && last.line < line) return;
    const at = this.kept.findIndex((r) => r.line > line);
    this.kept.splice(at < 0 ? this.kept.length : at, 0, report);
    if (this.kept.length > MAX_LINES_SHOWN) this.kept.pop();
  }

  get lines(): number {
    return this.count;
  }

  report(): ProblemReport {
    return { lines: this.count, shown: [...this.kept], unreadAfter: this.unreadAfter };
  }
}

export class WarningLog {
  private readonly byKind = new Map<string, WarningReport>();

  add(line: number, warning: RowProblem): void {
    const id = JSON.stringify([warning.key, warning.params]);
    let w = this.byKind.get(id);
    if (!w) {
      w = { ...warning, count: 0, lines: [] };
      this.byKind.set(id, w);
    }
    w.count++;
    if (w.lines.length < MAX_LINES_SHOWN) w.lines.push(line);
  }

  report(): WarningReport[] {
    return [...this.byKind.values()];
  }
}

/** A translate function (i18next's `t`), in whichever language the caller speaks. */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** One bad line's problems in words: "…; …; and 3 more problems in this line". */
export const lineReasons = (t: Translate, line: Pick<LineReport, 'problems' | 'more'>): string =>
  [
    ...line.problems.map((p) => t(p.key, p.params)),
    ...(line.more > 0 ? [t('imports.moreInLine', { count: line.more })] : []),
  ].join('; ');

/** How many bad lines are beyond those shown. */
export const linesNotShown = (report: ProblemReport): number => report.lines - report.shown.length;

/** A warning in words with its lines: "… on lines 3, 7 and 12 more". */
export const warningText = (t: Translate, w: WarningReport): string =>
  `${t(w.key, w.params)} ${
    w.count > w.lines.length
      ? t('imports.onLinesAndMore', { lines: w.lines.join(', '), count: w.count - w.lines.length })
      : t('imports.onLines', { lines: w.lines.join(', '), count: w.lines.length })
  }`;
