import { UsageError } from './errors';
import type { SystemRunner } from './system-result';
import { SYSTEMS, type SystemEntry, findSystem } from './systems';

/** What an example app's module exports. */
export interface SystemModule {
  readonly run: SystemRunner;
  /**
   * The run options `lstm-kit tune` may vary, with their kind, e.g. `{ units: 'number' }`.
   * Absent when the app has none.
   */
  readonly tunable?: Readonly<Record<string, 'number' | 'string'>>;
  /** Whether a higher skill is better (accuracy) rather than lower (an error). Default false. */
  readonly higherIsBetter?: boolean;
}

/**
 * Look up systems by id, in the order given (all of them when none are named).
 *
 * @throws UsageError naming the unknown id and listing the known ones
 * @example
 * selectSystems(['echo']).map((s) => s.lesson); // ['B6']
 */
export function selectSystems(only: readonly string[] | undefined): SystemEntry[] {
  if (!only || only.length === 0) return [...SYSTEMS];
  return only.map((id) => {
    const entry = findSystem(id);
    if (!entry) throw new UsageError(`unknown system '${id}'; expected one of: ${SYSTEMS.map((s) => s.id).join(', ')}`);
    return entry;
  });
}

/**
 * Import an example app and check it follows the contract.
 *
 * @throws Error when the app cannot be imported (outside the lstm-kit repository, or not built)
 * @example
 * const { run } = await loadSystemModule(findSystem('echo')!);
 */
export async function loadSystemModule(entry: SystemEntry): Promise<SystemModule> {
  let mod: Partial<SystemModule>;
  try {
    mod = (await import(entry.module)) as Partial<SystemModule>;
  } catch (e) {
    throw new Error(
      `could not load ${entry.module} (${(e as Error).message}); the example systems are the apps of the lstm-kit repository: run this there after 'npm run build'`,
    );
  }
  if (typeof mod.run !== 'function') throw new Error(`${entry.module} does not export a run(options) function`);
  return mod as SystemModule;
}
