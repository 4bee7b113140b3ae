/** What a training run was asked to do, recorded in its {@link History}. */
export interface TrainingParams {
  /** `fit` for in-memory epochs, `online` for generated updates. */
  readonly mode: 'fit' | 'online';
  readonly epochs: number;
  readonly initialEpoch: number;
  readonly batchSize: number;
  /** Training samples per epoch (fit) or total updates (online). */
  readonly samples: number;
  /** Batches per epoch (fit) or updates per report window (online). */
  readonly steps: number;
  /** The keys the history records: `loss`, metrics, and their `val_` forms. */
  readonly metrics: readonly string[];
}

/**
 * The record of a training run, shaped like Keras's: `history.history.loss[i]` is the mean
 * loss of epoch `history.epoch[i]`, and `val_loss`, `acc`, `val_acc`, ... sit beside it.
 * For online training each entry is one report window of updates.
 *
 * @example
 * const h = await fit(model, { x, y }, { epochs: 5, validationSplit: 0.2 });
 * h.history.val_loss.at(-1);
 */
export class History {
  /** The epoch index (0-based, counting from `initialEpoch`) of each entry; for online training, the update count at the end of each window. */
  readonly epoch: number[] = [];
  /** The figures per key, one entry per epoch. */
  readonly history: Record<string, number[]> = {};

  constructor(readonly params: TrainingParams) {}

  /** Append one epoch's logs. */
  record(epoch: number, logs: Readonly<Record<string, number>>): void {
    this.epoch.push(epoch);
    for (const [key, value] of Object.entries(logs)) (this.history[key] ??= []).push(value);
  }

  /**
   * The last value recorded under a key, or undefined.
   *
   * @example
   * history.last('val_loss');
   */
  last(key: string): number | undefined {
    const values = this.history[key];
    return values ? values[values.length - 1] : undefined;
  }

  /** A plain-object copy, for JSON and charts. */
  toJSON(): { epoch: number[]; history: Record<string, number[]>; params: TrainingParams } {
    return { epoch: [...this.epoch], history: Object.fromEntries(Object.entries(this.history).map(([k, v]) => [k, [...v]])), params: this.params };
  }
}
