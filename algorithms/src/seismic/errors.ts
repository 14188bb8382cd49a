/** Which file format a {@link FormatError} is about. */
export type SeismicFormat = 'miniseed' | 'sac';

/**
 * What was wrong with a file, as a stable code that UIs and tests can match on:
 * - `truncated`: the bytes end before the structure they announce (a record, a header, the samples);
 * - `corrupt`: the bytes are all there but make no sense (a bad header, a checksum that does not match);
 * - `unsupported`: a valid file using a feature this reader does not implement (an encoding, a file type).
 */
export type FormatProblem = 'truncated' | 'corrupt' | 'unsupported';

/**
 * Thrown by the waveform readers ({@link readMiniSeed}, {@link readSac}) for a file they cannot
 * read. The message names the format, the byte offset and the problem, so that a student who
 * dropped a file on a page knows what is wrong with it.
 */
export class FormatError extends Error {
  override readonly name = 'FormatError';
  /** The format being read. */
  readonly format: SeismicFormat;
  /** The kind of problem. */
  readonly problem: FormatProblem;
  /** Byte offset in the file where the problem was found, when known. */
  readonly offset: number | undefined;

  constructor(format: SeismicFormat, problem: FormatProblem, detail: string, offset?: number) {
    const where = offset === undefined ? '' : ` (at byte ${offset})`;
    super(`${format === 'sac' ? 'SAC' : 'miniSEED'}: ${detail}${where}`);
    this.format = format;
    this.problem = problem;
    this.offset = offset;
  }
}
