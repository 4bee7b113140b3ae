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

/** Every example system of the course, in the order the tour runs them. */
export const SYSTEMS: readonly SystemEntry[] = [
  { id: 'echo', lesson: 'B6', module: '@lstm-kit-apps/echo', pytorchSeconds: 5.3 },
];
