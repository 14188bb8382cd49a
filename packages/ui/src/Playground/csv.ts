/**
 * The playground's CSV reader and writer. The reader takes RFC 4180 text (quoted fields,
 * `""` for a quote inside one, line breaks inside quotes, CRLF or LF) as Excel and
 * LibreOffice write it, with `,`, `;` or tab between fields (the first one met outside
 * quotes in a record is that record's separator; with `;` or tab a decimal comma is read
 * as a point), an optional header, blank lines and `#` comment lines, and an optional
 * 4th `split` column (train/test), so our own export reads back. Errors name their line.
 */
import { EXTENT, MAX_CLASSES, MAX_POINTS, MAX_TARGET, type PlaygroundData, type ProblemType } from './state';

/** What {@link parsePointsCsv} read. */
export type CsvResult =
  | {
      ok: true;
      /** The points [x₁, x₂, label or target]. */
      points: [number, number, number][];
      /** The 4th column when the file has one (our export's split), else undefined. */
      split?: ('train' | 'test' | '')[];
      /** The problem the header names ("target" → regression, "label" → classification), if any. */
      headerProblem?: ProblemType;
    }
  | { ok: false; error: string };

/** Longest text read, characters (2,000 points need about 100 kB). */
export const MAX_CSV_LENGTH = 2_000_000;

interface CsvRecord {
  /** 1-based line where the record starts. */
  line: number;
  cells: string[];
  /** Separator of the record ('' when it has one cell). */
  sep: string;
  /** Whether the record is a `#` comment or blank. */
  skip: boolean;
}

/** Splits RFC 4180 text into records; an unterminated quote is an error naming its line. */
function records(text: string): CsvRecord[] | string {
  const out: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const rec: CsvRecord = { line, cells: [], sep: '', skip: false };
    // A comment line: '#' first, outside quotes.
    if (text[i] === '#') {
      rec.skip = true;
      while (i < n && text[i] !== '\n' && text[i] !== '\r') i++;
    } else {
      let cell = '';
      let quoted = false;
      let wasQuoted = false;
      for (;;) {
        if (i >= n) {
          if (quoted) return `Line ${rec.line}: a quoted field is not closed`;
          break;
        }
        const c = text[i];
        if (quoted) {
          if (c === '"') {
            if (text[i + 1] === '"') {
              cell += '"';
              i += 2;
              continue;
            }
            quoted = false;
            i++;
            continue;
          }
          if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
          cell += c;
          i++;
          continue;
        }
        if (c === '"' && cell.trim() === '' && !wasQuoted) {
          quoted = true;
          wasQuoted = true;
          cell = '';
          i++;
          continue;
        }
        if (c === '\n' || c === '\r') break;
        if ((c === ',' || c === ';' || c === '\t') && (rec.sep === '' || rec.sep === c)) {
          rec.sep = c;
          rec.cells.push(wasQuoted ? cell : cell.trim());
          cell = '';
          wasQuoted = false;
          i++;
          continue;
        }
        if (wasQuoted && c !== ' ') return `Line ${line}: text after a closing quote`;
        cell += c;
        i++;
      }
      rec.cells.push(wasQuoted ? cell : cell.trim());
      rec.skip = rec.cells.length === 1 && rec.cells[0] === '' && !wasQuoted;
    }
    // The line break (CRLF, LF or CR).
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    out.push(rec);
    if (out.length > 4 * MAX_POINTS + 1000) return `Line ${line}: too many lines (at most ${MAX_POINTS} points)`;
  }
  return out;
}

/** A cell as a number (a decimal comma is accepted when the separator is not a comma), or NaN. */
function toNumber(cell: string, sep: string): number {
  let t = cell.trim().replace(/^−/, '-');
  if (sep !== ',' && /^[+-]?\d*,\d+(e[+-]?\d+)?$/i.test(t)) t = t.replace(',', '.');
  if (t === '' || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return NaN;
  return Number(t);
}

/**
 * Reads "x1,x2,label" (or "x1,x2,target") lines, with an optional 4th split column.
 * Classification labels must be integers 0 … {@link MAX_CLASSES}−1 (regression targets
 * within ±{@link MAX_TARGET}); coordinates must lie in [−6, 6]. The first problem is
 * reported with its line number. Never throws.
 */
export function parsePointsCsv(text: string, problem: ProblemType): CsvResult {
  if (typeof text !== 'string') return { ok: false, error: 'The CSV is not text' };
  if (text.length > MAX_CSV_LENGTH) return { ok: false, error: `The CSV is longer than ${MAX_CSV_LENGTH.toLocaleString('en')} characters` };
  const recs = records(text.replace(/^\uFEFF/, ''));
  if (typeof recs === 'string') return { ok: false, error: recs };
  const points: [number, number, number][] = [];
  const split: ('train' | 'test' | '')[] = [];
  let hasSplit = false;
  let seenContent = false;
  let headerProblem: ProblemType | undefined;
  for (const r of recs) {
    if (r.skip) continue;
    const cells = r.cells;
    const nums = cells.map((c) => toNumber(c, r.sep));
    // A header: the first content line, with no number in it.
    if (!seenContent && cells.every((c) => c.trim() !== '' && !Number.isFinite(toNumber(c, r.sep)))) {
      seenContent = true;
      const third = cells[2]?.trim().toLowerCase();
      headerProblem = third === 'target' ? 'regression' : third === 'label' || third === 'class' ? 'classification' : undefined;
      continue;
    }
    seenContent = true;
    const shown = cells.join(r.sep || ',');
    if (cells.length !== 3 && cells.length !== 4) return { ok: false, error: `Line ${r.line}: expected 3 values (x1, x2, label) or 4 (…, split), got ${cells.length}: "${shown.slice(0, 80)}"` };
    const bad = nums.slice(0, 3).findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) return { ok: false, error: `Line ${r.line}: "${cells[bad].slice(0, 40)}" is not a number` };
    if (Math.abs(nums[0]) > EXTENT || Math.abs(nums[1]) > EXTENT) return { ok: false, error: `Line ${r.line}: coordinates must lie in [−6, 6], got (${nums[0]}, ${nums[1]})` };
    if (problem === 'classification' && (!Number.isInteger(nums[2]) || nums[2] < 0 || nums[2] >= MAX_CLASSES)) {
      return { ok: false, error: `Line ${r.line}: the label must be a class 0 to ${MAX_CLASSES - 1}, got ${cells[2]}` };
    }
    if (problem === 'regression' && Math.abs(nums[2]) > MAX_TARGET) return { ok: false, error: `Line ${r.line}: the target must lie in [−${MAX_TARGET}, ${MAX_TARGET}], got ${cells[2]}` };
    if (cells.length === 4) {
      const sp = cells[3].trim().toLowerCase();
      if (sp !== 'train' && sp !== 'test' && sp !== '') return { ok: false, error: `Line ${r.line}: the 4th column (split) must be "train" or "test", got "${cells[3].slice(0, 20)}"` };
      split.push(sp);
      hasSplit = true;
    } else split.push('');
    points.push([nums[0] + 0, nums[1] + 0, nums[2] + 0]);
    if (points.length > MAX_POINTS) return { ok: false, error: `Line ${r.line}: at most ${MAX_POINTS} points` };
  }
  if (points.length === 0) return { ok: false, error: 'No points found: expected lines of "x1,x2,label"' };
  return { ok: true, points, ...(hasSplit ? { split } : {}), ...(headerProblem ? { headerProblem } : {}) };
}

/** The data as CSV: x1, x2, label (or target), split. Numbers are written in full (they read back exactly). */
export function formatPointsCsv(data: Pick<PlaygroundData, 'X' | 'y' | 'train' | 'test'>, problem: ProblemType): string {
  const split = new Array<string>(data.X.length).fill('');
  data.train.forEach((i) => (split[i] = 'train'));
  data.test.forEach((i) => (split[i] = 'test'));
  const rows = data.X.map((x, i) => `${x[0]},${x[1]},${data.y[i]},${split[i]}`);
  return [`x1,x2,${problem === 'regression' ? 'target' : 'label'},split`, ...rows].join('\n') + '\n';
}
