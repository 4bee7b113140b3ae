/** One run of the tuning experiment: train LSTM(cells) → Dense(1) on the toy data and return the validation MSE. */
export declare function trial(
  config: { cells: number; batchSize: number; epochs: number; backend?: string },
  ctx: { seed: number },
): Promise<number>;
