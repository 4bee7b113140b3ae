import { KernelOptionError } from '../errors.js';
import { checkLength } from './resolve-args.js';
import { isReleased } from './array-pool.js';

/** Rejects a missing, foreign or released tape. */
export function checkTape(tape: { kind: string } | null | undefined, kind: string, fn: string): void {
  if (!tape || tape.kind !== kind) {
    throw new KernelOptionError(
      `${fn}: expected the tape returned by ${kind}Forward, got ${tape ? `a ${tape.kind} tape` : String(tape)}; ` +
        'run the forward pass with keepTape left at true',
    );
  }
  if (isReleased(tape)) {
    throw new KernelOptionError(`${fn}: this tape was released with releaseTape (its arrays are reused by later forward passes); run the forward pass again`);
  }
}

/** Rejects a missing, foreign or released tape and a dOutput that does not match the forward output. */
export function checkBackwardInputs(
  tape: { kind: string; batch: number; timesteps: number; units: number; returnSequences: boolean } | null | undefined,
  kind: string,
  dOutput: Float32Array,
  fn: string,
): void {
  checkTape(tape, kind, fn);
  const { batch, timesteps, units } = tape!;
  if (tape!.returnSequences) {
    checkLength(dOutput, batch * timesteps * units, 'dOutput', `[batch, timesteps, units] = [${batch}, ${timesteps}, ${units}]`, fn);
  } else {
    checkLength(dOutput, batch * units, 'dOutput', `[batch, units] = [${batch}, ${units}]`, fn);
  }
}
