// A fast path for reading well-formed CSV: a million-row list is split in a fraction of the time
// csv-parse takes (line by line with indexOf and split, character by character only in lines with
// quotes). It yields exactly the records csv-parse would with the options readCsv uses (bom,
// trim, skip_empty_lines, one record length) and gives up at the first thing it does not handle
// the same way for certain — a quote that is not a whole field, a lone carriage return, a record
// of another length, an unterminated quote. The caller then lets csv-parse read on from that
// record, so the errors and their line numbers stay csv-parse's.

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * What csv-parse's trims remove at a field's edges: its left trim skips the characters of its
 * list (init_state.js timchars) and its right trim is String.prototype.trimEnd, and the two are
 * the same set, JavaScript's whitespace (a space, a tab, a no-break space, the Unicode spaces, a
 * BOM, line and paragraph separators). So a field is what trim() leaves; lists copied from web
 * pages hold no-break spaces, and reading them here keeps a million-row file off csv-parse.
 * A carriage return or line feed never reaches here (records end at them).
 */
const trimmed = (field: string): string => field.trim();

const GIVE_UP = -1;
const NEED_MORE = -2;

export class FastCsvSplitter {
  /** The separator's character code (a comma, semicolon or tab: never a quote, blank or line end). */
  private readonly sep: number;
  /**
   * `from`: the file is split from the middle of it (linkage.csv.ts, a second thread reading its
   * second half), with the record delimiter and width of its start; no byte-order mark there.
   */
  constructor(
    private readonly delimiter = ',',
    from?: { crlf: boolean; width: number },
  ) {
    this.sep = delimiter.charCodeAt(0);
    if (from) {
      this.started = true;
      this.crlf = from.crlf;
      this.width = from.width;
    }
  }
  private rest = '';
  private started = false;
  /** Record delimiter, taken from the first line as csv-parse does: \r\n or \n. */
  private crlf: boolean | null = null;
  /** Fields per record: the first record's count. */
  private width = -1;
  /** What a splitter reading on from the middle of the file needs to know (null before a line). */
  shape(): { crlf: boolean; width: number } | null {
    return this.crlf === null || this.width < 0 ? null : { crlf: this.crlf, width: this.width };
  }
  /** Whether it gave up (every later feed is refused). */
  gaveUp = false;

  /**
   * Splits the text (the file's next chunk; `final` for the last) and calls onRecord per complete
   * record, in order. Returns false once it gives up: the records before that point were
   * delivered, the rest must come from csv-parse.
   */
  feed(chunk: string, final: boolean, onRecord: (fields: string[]) => void): boolean {
    if (this.gaveUp) return false;
    let text = this.rest + chunk;
    if (!this.started) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.started = true;
    }
    let pos = 0;
    while (pos < text.length) {
      const next = this.record(text, pos, final, onRecord);
      if (next === NEED_MORE) break;
      if (next === GIVE_UP) {
        this.gaveUp = true;
        return false;
      }
      pos = next;
    }
    this.rest = text.slice(pos);
    return true;
  }

  /** One record (or empty line) from pos: the position after it, NEED_MORE or GIVE_UP. */
  private record(text: string, pos: number, final: boolean, onRecord: (fields: string[]) => void): number {
    let nl = text.indexOf('\n', pos);
    if (nl < 0 && !final) return NEED_MORE;
    if (nl < 0) nl = text.length;
    // Up to the line feed, carriage return included.
    const raw = text.slice(pos, nl);
    const quoted = raw.indexOf('"') >= 0;
    const endsInCr = raw.charCodeAt(raw.length - 1) === CR;
    if (this.crlf === null) {
      // The delimiter comes from the first line, which must then hold no quote (a quoted newline
      // in a header is left to csv-parse).
      if (quoted) return GIVE_UP;
      if (nl < text.length) this.crlf = endsInCr;
    }
    // A quote anywhere before the line feed: the record may go on past it, inside quotes.
    if (quoted) return this.quotedRecord(text, pos, final, onRecord);
    const after = nl < text.length ? nl + 1 : nl;
    // A line must end as the first did; the file's last line (no line feed) with no CR at all.
    if (nl < text.length ? this.crlf !== endsInCr : endsInCr) return GIVE_UP;
    const line = endsInCr ? raw.slice(0, -1) : raw;
    if (line.length === 0) return after; // skip_empty_lines
    if (line.indexOf('\r') >= 0) return GIVE_UP;
    const cells = line.split(this.delimiter);
    const fields = new Array<string>(cells.length);
    for (let i = 0; i < cells.length; i++) {
      fields[i] = trimmed(cells[i]);
    }
    // A line of blanks is one empty field to csv-parse, or skipped: not worth knowing which.
    if (fields.length === 1 && fields[0] === '') return GIVE_UP;
    return this.emit(fields, onRecord) ? after : GIVE_UP;
  }

  /** A record with quotes, character by character; quoted fields may hold separators and newlines. */
  private quotedRecord(text: string, pos: number, final: boolean, onRecord: (fields: string[]) => void): number {
    const fields: string[] = [];
    let p = pos;
    for (;;) {
      if (text.charCodeAt(p) === QUOTE) {
        // A quoted field: verbatim up to the closing quote, "" for a quote inside.
        let value = '';
        let from = p + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q < 0) return final ? GIVE_UP : NEED_MORE;
          if (q + 1 >= text.length && !final) return NEED_MORE;
          value += text.slice(from, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += '"';
            from = q + 2;
            continue;
          }
          p = q + 1;
          break;
        }
        fields.push(value);
      } else {
        let q = p;
        while (q < text.length) {
          const c = text.charCodeAt(q);
          if (c === this.sep || c === LF || c === CR) break;
          if (c === QUOTE) return GIVE_UP;
          q++;
        }
        if (q >= text.length && !final) return NEED_MORE;
        fields.push(trimmed(text.slice(p, q)));
        p = q;
      }
      // After a field: a separator, the record's end, or the end of the file.
      if (p >= text.length) {
        if (!final) return NEED_MORE;
        return this.emit(fields, onRecord) ? p : GIVE_UP;
      }
      const c = text.charCodeAt(p);
      if (c === this.sep) {
        p++;
        continue;
      }
      if (c === LF && !this.crlf) return this.emit(fields, onRecord) ? p + 1 : GIVE_UP;
      if (c === CR && this.crlf) {
        if (p + 1 >= text.length && !final) return NEED_MORE;
        if (text.charCodeAt(p + 1) !== LF) return GIVE_UP;
        return this.emit(fields, onRecord) ? p + 2 : GIVE_UP;
      }
      return GIVE_UP;
    }
  }

  private emit(fields: string[], onRecord: (fields: string[]) => void): boolean {
    if (this.width < 0) this.width = fields.length;
    else if (fields.length !== this.width) return false;
    onRecord(fields);
    return true;
  }
}
