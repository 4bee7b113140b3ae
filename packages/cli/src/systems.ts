/** One example system the tour knows: where its app lives and the reference figures. */
export interface SystemEntry {
  /** The app's name, e.g. `echo`; also the `--only` key. */
  readonly id: string;
  /** The course reference: B6–B14 are the book's lessons, L1–L6 the labs. */
  readonly lesson: string;
  /** The package that exports `run(options)`. */
  readonly module: string;
  /** Seconds PyTorch 1.13 (CPU, one thread) takes to train the same model on the reference machine. */
  readonly pytorchSeconds?: number;
  /** Seconds the course reports for Keras 2 on a CPU. */
  readonly kerasSeconds?: number;
}

const app = (id: string, lesson: string, times: { pytorchSeconds?: number; kerasSeconds?: number } = {}): SystemEntry => ({
  id,
  lesson,
  module: `@lstm-kit-apps/${id}`,
  ...times,
});

/** Every example system of the course, in the order the tour runs them. */
export const SYSTEMS: readonly SystemEntry[] = [
  app('echo', 'B6', { pytorchSeconds: 5.3 }),
  app('damped-sine', 'B7', { pytorchSeconds: 10, kerasSeconds: 169 }),
  app('moving-line', 'B8', { pytorchSeconds: 60, kerasSeconds: 37 }),
  app('addition', 'B9', { pytorchSeconds: 5, kerasSeconds: 37 }),
  app('cumulative-sum', 'B10', { pytorchSeconds: 11, kerasSeconds: 97 }),
  app('rectangles', 'B11'),
  app('fit-diagnosis', 'B12a'),
  app('tuning', 'B12b'),
  app('save-load', 'B13'),
  app('update-model', 'B14'),
  app('one-to-one', 'L1'),
  app('two-features', 'L2'),
  app('rnn-vs-lstm', 'L3'),
  app('echo-stateless', 'L4'),
  app('stateful', 'L5'),
  app('pm25-forecast', 'L6'),
  app('airline-forecast', 'data'),
];

/**
 * Find a system by id.
 *
 * @returns the entry, or undefined for an unknown id
 * @example
 * findSystem('echo').lesson; // 'B6'
 */
export function findSystem(id: string): SystemEntry | undefined {
  return SYSTEMS.find((s) => s.id === id);
}
