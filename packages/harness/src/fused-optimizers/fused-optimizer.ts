import * as tf from '@tensorflow/tfjs';
import { TrainingConfigError } from '../errors';
import { memoryKind, ownStorage, readFloat32, writableFloat32 } from '../internal/backend-memory';

/** One slot kind of an optimizer (Adam's `m` and `v`): its name suffix and starting value. */
export interface SlotSpec {
  /** Suffix of the saved weight name, as tfjs names it (`dense/kernel/m`). */
  readonly suffix: string;
  /** Starting value of every element (0, or Adagrad's initial accumulator value). */
  readonly initial: number;
}

/** A tensor with a name, as tfjs's optimizers take and return them (not exported by tfjs's public index). */
type NamedTensor = { name: string; tensor: tf.Tensor };

/** A fresh float32 copy of a tensor's values. */
function copyOf(t: tf.Tensor): Float32Array {
  return Float32Array.from(t.dataSync() as ArrayLike<number>);
}

/** Give a variable new values through a fresh tensor (tfjs's own way, a new storage id). */
function assignValues(v: tf.Variable, values: Float32Array): void {
  const t = tf.tensor(values, v.shape, 'float32');
  v.assign(t);
  t.dispose();
}

/** What tfjs's optimizers keep per variable and slot kind: the tensor and its saved name. */
interface Slot {
  originalName: string;
  variable: tf.Variable;
}

type NamedGradients = tf.NamedTensorMap | NamedTensor[];

/**
 * The shared machinery of the fused optimizers: a `tf.Optimizer` whose `applyGradients`
 * updates every variable in one pass over `Float32Array`s, reading the gradients and writing
 * the slots straight in the backend's memory on wasm and cpu (and the weights too on cpu; on
 * wasm they go into one fresh tensor each), instead of the 5–15 tfjs ops (each a kernel
 * launch, an allocation and engine bookkeeping) per variable that tfjs's optimizers run. The slots are non-trainable variables kept in tfjs's order and under tfjs's names, so
 * `getWeights`/`setWeights`, `model.save({ includeOptimizer })` and a reload into tfjs's own
 * optimizer (same class name) keep working. On other backends the same arithmetic runs on
 * copies and the results are assigned.
 */
export abstract class FusedOptimizer extends tf.Optimizer {
  // tf.Optimizer answers `instanceof` by duck typing (any object with minimize and
  // applyGradients), which these classes would inherit; the prototype chain tells a fused
  // optimizer from tfjs's, and `instanceof tf.Optimizer` stays true for both.
  static override [Symbol.hasInstance](instance: unknown): boolean {
    return Function.prototype[Symbol.hasInstance].call(this, instance);
  }

  /** Per slot kind, per variable index (tfjs keys slots by the variable's position). */
  protected slots: Slot[][];

  protected constructor(private readonly slotSpecs: readonly SlotSpec[]) {
    super();
    this.slots = slotSpecs.map(() => []);
  }

  /** Called once per update before the variables, with the 1-based update number. */
  protected abstract beginStep(step: number): void;

  /**
   * Update one variable's values in place from its gradient and slots (each `Float32Array`
   * has the variable's length). Each operation is rounded to float32 as tfjs's kernels do, so
   * the results match tfjs's optimizers.
   */
  protected abstract updateValues(values: Float32Array, gradient: Float32Array, slots: Float32Array[]): void;

  /** Called once per update after the variables. */
  protected endStep(): void {}

  /**
   * Apply one update from gradients by variable name (what `minimize` and tfjs-layers pass).
   *
   * @param variableGradients gradients keyed by variable name, or `{ name, tensor }` pairs
   */
  override applyGradients(variableGradients: NamedGradients): void {
    const entries: [string, tf.Tensor | undefined][] = Array.isArray(variableGradients)
      ? variableGradients.map((g) => [g.name, g.tensor])
      : Object.keys(variableGradients).map((name) => [name, variableGradients[name]]);
    const registered = tf.engine().registeredVariables;
    const variables = entries.map(([name]) => registered[name]);
    const kind = memoryKind();
    // Everything that allocates before any view is taken (new slots, unsharing storage): on
    // wasm an allocation can grow the heap and detach views taken before it.
    for (let i = 0; i < entries.length; i++) this.ensureSlots(i, entries[i][0], variables[i]);
    const slotsInPlace = variables.map((_, i) => kind !== null && this.slots.every((s) => ownStorage(s[i].variable)));
    // Weights are written in place on cpu only. tfjs-wasm caches XNNPACK operators with the
    // weights packed inside, keyed by the weight tensor's id: a weight changed in place keeps
    // its id and later matMuls would keep using the stale packed copy. There the new weights
    // go into a fresh tensor (one copy into the heap), which gives the variable a new id.
    const weightsInPlace = variables.map((v, i) => kind === 'cpu' && entries[i][1] != null && ownStorage(v));
    this.beginStep(this.iterations + 1);
    for (let i = 0; i < entries.length; i++) {
      const gradient = entries[i][1];
      if (gradient == null) continue;
      const variable = variables[i];
      // Views are taken here, after this update's allocations and before the next ones.
      const slotValues = this.slots.map((s) => (slotsInPlace[i] ? writableFloat32(s[i].variable) : copyOf(s[i].variable)));
      const values = weightsInPlace[i] ? writableFloat32(variable) : kind === 'wasm' ? this.scratchWith(readFloat32(variable)) : copyOf(variable);
      this.updateValues(values, readFloat32(gradient), slotValues);
      if (!weightsInPlace[i]) assignValues(variable, values);
      if (!slotsInPlace[i]) this.slots.forEach((s, k) => assignValues(s[i].variable, slotValues[k]));
    }
    this.endStep();
    this.incrementIterations();
  }

  // Reused for the new weights on wasm: tf.tensor copies it into the heap, so one buffer serves
  // every variable and update.
  private scratch = new Float32Array(0);

  private scratchWith(values: Float32Array): Float32Array {
    if (this.scratch.length < values.length) this.scratch = new Float32Array(values.length);
    const out = this.scratch.subarray(0, values.length);
    out.set(values);
    return out;
  }

  private ensureSlots(i: number, name: string, variable: tf.Variable): void {
    this.slotSpecs.forEach((spec, k) => {
      if (this.slots[k][i] == null) {
        this.slots[k][i] = {
          originalName: `${name}/${spec.suffix}`,
          variable: tf.tidy(() => tf.fill(variable.shape, spec.initial, 'float32').variable(false)),
        };
      }
    });
  }

  /**
   * The optimizer's state in tfjs's layout: the update count, then every slot of the first
   * kind, then every slot of the next (Adam: `iter`, all `m`, all `v`).
   *
   * @returns named tensors (the slots themselves, as tfjs returns them; the count is new)
   */
  override async getWeights(): Promise<NamedTensor[]> {
    const named = this.slots.flatMap((kind) => kind.map((s) => ({ name: s.originalName, tensor: s.variable as tf.Tensor })));
    return [await this.saveIterations(), ...named];
  }

  /**
   * Restore state saved by {@link getWeights} or by tfjs's optimizer of the same class. The
   * values are copied, so the caller keeps ownership of the tensors given.
   *
   * @param weightValues `iter` then the slots, in tfjs's layout
   */
  override async setWeights(weightValues: NamedTensor[]): Promise<void> {
    const rest = await this.extractIterations(weightValues);
    const kinds = this.slotSpecs.length;
    if (rest.length % Math.max(1, kinds) !== 0 || (kinds === 0 && rest.length > 0)) {
      throw new TrainingConfigError(`${this.getClassName()} optimizer: expected the update count and ${kinds} slot(s) per variable, got ${rest.length} tensors after the count; save and restore with the same optimizer class`);
    }
    const perKind = kinds === 0 ? 0 : rest.length / kinds;
    this.disposeSlots();
    this.slots = this.slotSpecs.map((_, k) =>
      rest.slice(k * perKind, (k + 1) * perKind).map((w) => ({
        originalName: w.name,
        variable: tf.tidy(() => tf.tensor(Float32Array.from(w.tensor.dataSync() as ArrayLike<number>), w.tensor.shape, 'float32').variable(false)),
      })),
    );
    this.restoreStep(this.iterations);
  }

  /** Rebuild whatever depends on the update count (Adam's bias corrections) after setWeights. */
  protected restoreStep(_iterations: number): void {}

  /** Free the slots (the update count is a number, not a tensor). */
  override dispose(): void {
    this.disposeSlots();
  }

  private disposeSlots(): void {
    for (const kind of this.slots) for (const s of kind) if (!s.variable.isDisposed) s.variable.dispose();
    this.slots = this.slotSpecs.map(() => []);
  }
}
