import { TrainingConfigError } from '../errors';
import type { Logs } from './callback';

/** Whether a monitored figure improves by going down (`min`), up (`max`), or as its name suggests (`auto`). */
export type MonitorMode = 'auto' | 'min' | 'max';

/**
 * Keras's rule for `mode: 'auto'`: accuracy-like figures improve upwards, everything else
 * (losses, errors) downwards.
 */
export function resolveMode(monitor: string, mode: MonitorMode): 'min' | 'max' {
  if (mode === 'min' || mode === 'max') return mode;
  if (mode !== 'auto') throw new TrainingConfigError(`expected mode 'auto', 'min' or 'max', got '${mode}'`);
  return /acc|auc|precision|recall/i.test(monitor) ? 'max' : 'min';
}

/** Whether `current` beats `best` by more than `minDelta` in the given direction. */
export function improves(current: number, best: number, minDelta: number, mode: 'min' | 'max'): boolean {
  return mode === 'min' ? current < best - minDelta : current > best + minDelta;
}

/** Read a monitored figure from the logs, with a message listing the available keys. */
export function monitored(logs: Logs, monitor: string, who: string): number {
  const v = logs[monitor];
  if (v === undefined) {
    throw new TrainingConfigError(
      `${who} monitors '${monitor}' but the logs hold ${Object.keys(logs).map((k) => `'${k}'`).join(', ')}; monitor one of those (val_ figures need validationSplit or validationData)`,
    );
  }
  return v;
}
