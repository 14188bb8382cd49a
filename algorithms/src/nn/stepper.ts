/**
 * What every training stepper returns, and the mini-batch bookkeeping they share.
 */
import { RandomState } from '../core/random';

/** One training step's report (frozen). */
export interface StepResult {
  /** Steps done so far, this one included (1-based). */
  readonly step: number;
  /** Epochs started so far (an epoch is one pass over the shuffled training set), 1-based. */
  readonly epoch: number;
  /** Loss of this step's mini-batch (penalty included). */
  readonly trainLoss: number;
  /** Loss on the test set, when one was given and evaluated at this step; else null. */
  readonly testLoss: number | null;
  /** Test accuracy (training accuracy when no test set), for classifiers; else null. */
  readonly accuracy: number | null;
  /**
   * Whether the loss became NaN or infinite: training stopped there, and the weights went back
   * to the last ones whose loss was finite (so predictions stay finite).
   */
  readonly diverged: boolean;
  /** The step at which it first diverged, or null. */
  readonly divergedAt: number | null;
}

/** Draws mini-batch indices: a fresh seeded permutation per epoch. */
export class BatchSampler {
  private order: number[] = [];
  private pos = 0;
  /** Epochs started. */
  epoch = 0;
  constructor(
    private n: number,
    private rng: RandomState,
  ) {}

  /** Resets to a new data size. */
  reset(n: number): void {
    this.n = n;
    this.order = [];
    this.pos = 0;
    this.epoch = 0;
  }

  /** Whether the last batch drawn ended an epoch. */
  get atEpochEnd(): boolean {
    return this.order.length > 0 && this.pos >= this.order.length;
  }

  /** The next `batchSize` indices (the last batch of an epoch may be shorter). */
  next(batchSize: number): number[] {
    if (this.pos >= this.order.length) {
      this.order = this.rng.permutation(this.n);
      this.pos = 0;
      this.epoch++;
    }
    const b = this.order.slice(this.pos, this.pos + batchSize);
    this.pos += b.length;
    return b;
  }
}
