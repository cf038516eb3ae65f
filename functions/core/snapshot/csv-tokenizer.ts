import { MAX_RECORD_CHARS, RecordTooLong } from './record-limit.ts';

const NEWLINE = 10;
const CARRIAGE_RETURN = 13;
const QUOTE = 34;

// States of a record being read across chunks; AT_RECORD_START means none is.
const AT_RECORD_START = 0;
const FIELD_START = 1;
const UNQUOTED = 2;
const QUOTED = 3;
const AFTER_QUOTE = 4;
type State = typeof AT_RECORD_START | typeof FIELD_START | typeof UNQUOTED | typeof QUOTED | typeof AFTER_QUOTE;

const CANDIDATE_DELIMITERS = [',', ';', '\t'] as const;

/** The separator a header line uses most, outside quotes; comma when it uses none. */
export function detectDelimiter(headerLine: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const c of headerLine) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (CANDIDATE_DELIMITERS as readonly string[]).includes(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best: string = ',';
  for (const d of CANDIDATE_DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/**
 * Where records go as they are read. A line without a quote is handed over where it lies in
 * the text read, from `start` to `end` (line break excluded), for a reader to take apart
 * in place: its cells are that stretch split at the delimiter. A record with a quote comes
 * as its cells, unquoted.
 */
export interface CsvSink {
  line(text: string, start: number, end: number): void;
  cells(cells: string[]): void;
}

/**
 * A streaming RFC 4180 reader: text goes in by chunks, records come out. Lines without a
 * quote, nearly all of a real export, come out as where they lie in the chunk, never copied
 * nor sliced; a line with one goes through a state machine that can stop at a chunk's end
 * and resume.
 * It is lenient where Excel is: a quote inside an unquoted field is a literal, text after
 * a closing quote is kept. A blank line is a record of one empty cell, so callers can number
 * rows as a spreadsheet does. Line ends are LF or CRLF. A record past MAX_RECORD_CHARS (an
 * unclosed quote, which Excel runs to the end of the file, or a file without line breaks)
 * throws RecordTooLong, so that memory stays bounded.
 */
export class CsvTokenizer {
  private readonly delimiterCode: number;
  private state: State = AT_RECORD_START;
  private cells: string[] = [];
  private field = '';
  /** characters of the record being read by the state machine, cells and field so far */
  private recordChars = 0;
  /** an incomplete line held back at a record boundary */
  private carry = '';

  constructor(readonly delimiter: string) {
    this.delimiterCode = delimiter.charCodeAt(0);
  }

  push(chunk: string, out: CsvSink): void {
    if (this.state !== AT_RECORD_START || this.carry === '') {
      this.scan(chunk, 0, out);
      return;
    }
    // Only the held-back line is joined to the chunk's first: joining the whole chunk would copy all of it.
    const newline = chunk.indexOf('\n');
    if (newline === -1) {
      this.carry += chunk;
      if (this.carry.length > MAX_RECORD_CHARS) throw new RecordTooLong(false);
      return;
    }
    const first = this.carry + chunk.slice(0, newline + 1);
    this.carry = '';
    this.scan(first, 0, out);
    this.scan(chunk, newline + 1, out);
  }

  /** Reads the records of `text` from `pos`, resuming a record a chunk cut first. */
  private scan(text: string, from: number, out: CsvSink): void {
    let pos = from;
    if (this.state !== AT_RECORD_START) {
      pos = this.runStateMachine(text, pos, out);
      if (pos < 0) return;
    }
    const length = text.length;
    // One search finds the chunk's next quote for all the plain lines before it, rather than one search a line.
    let quote = -1;
    while (pos < length) {
      const newline = text.indexOf('\n', pos);
      if (newline === -1) {
        this.carry = text.slice(pos);
        return;
      }
      if (quote !== length && quote < pos) {
        quote = text.indexOf('"', pos);
        if (quote === -1) quote = length;
      }
      if (quote > newline) {
        const end = newline > pos && text.charCodeAt(newline - 1) === CARRIAGE_RETURN ? newline - 1 : newline;
        out.line(text, pos, end);
        pos = newline + 1;
      } else {
        pos = this.runStateMachine(text, pos, out);
        if (pos < 0) return;
      }
    }
  }

  /** Emits the last record when the file does not end with a line break. */
  end(out: CsvSink): void {
    if (this.carry !== '') {
      const carry = this.carry;
      this.carry = '';
      this.runStateMachine(carry, 0, out);
    }
    if (this.state !== AT_RECORD_START) {
      const field = this.state === UNQUOTED ? stripTrailingCr(this.field) : this.field;
      this.cells.push(field);
      this.emit(out);
    }
  }

  private emit(out: CsvSink): void {
    out.cells(this.cells);
    this.cells = [];
    this.field = '';
    this.recordChars = 0;
    this.state = AT_RECORD_START;
  }

  /** Counts what a field took in; past the bound, the record is refused rather than held. */
  private took(chars: number, state: State): void {
    this.recordChars += chars;
    if (this.recordChars > MAX_RECORD_CHARS) throw new RecordTooLong(state === QUOTED);
  }

  /** Reads one record from `pos`; returns where the next record starts, or -1 when the text ran out first. */
  private runStateMachine(text: string, pos: number, out: CsvSink): number {
    const length = text.length;
    const delimiter = this.delimiterCode;
    let state: State = this.state === AT_RECORD_START ? FIELD_START : this.state;
    let field = this.field;
    let i = pos;
    while (i < length) {
      if (state === FIELD_START) {
        if (text.charCodeAt(i) === QUOTE) {
          state = QUOTED;
          i += 1;
        } else {
          state = UNQUOTED;
        }
      } else if (state === UNQUOTED) {
        let j = i;
        while (j < length) {
          const c = text.charCodeAt(j);
          if (c === delimiter || c === NEWLINE) break;
          j += 1;
        }
        field += text.slice(i, j);
        this.took(j - i, state);
        i = j;
        if (j === length) break;
        if (text.charCodeAt(j) === delimiter) {
          this.cells.push(field);
          field = '';
          state = FIELD_START;
          i += 1;
        } else {
          this.cells.push(stripTrailingCr(field));
          this.emit(out);
          return j + 1;
        }
      } else if (state === QUOTED) {
        const close = text.indexOf('"', i);
        if (close === -1) {
          field += text.slice(i);
          this.took(length - i, state);
          i = length;
        } else {
          field += text.slice(i, close);
          this.took(close - i, state);
          state = AFTER_QUOTE;
          i = close + 1;
        }
      } else {
        const c = text.charCodeAt(i);
        if (c === QUOTE) {
          field += '"';
          state = QUOTED;
          i += 1;
        } else if (c === delimiter) {
          this.cells.push(field);
          field = '';
          state = FIELD_START;
          i += 1;
        } else if (c === NEWLINE) {
          this.cells.push(field);
          this.emit(out);
          return i + 1;
        } else if (c === CARRIAGE_RETURN) {
          i += 1;
        } else {
          state = UNQUOTED;
        }
      }
    }
    this.state = state;
    this.field = field;
    return -1;
  }
}

function stripTrailingCr(field: string): string {
  return field.charCodeAt(field.length - 1) === CARRIAGE_RETURN ? field.slice(0, -1) : field;
}
