import type { Callback, Logs, TrainingContext } from '../callbacks/callback';

/** Runs every callback's hook in order, awaiting only hooks that return a promise. */
export class CallbackList {
  constructor(private readonly callbacks: readonly Callback[], private readonly ctx: TrainingContext) {}

  get hasBatchHooks(): boolean {
    return this.callbacks.some((c) => c.onBatchEnd);
  }

  async trainBegin(): Promise<void> {
    for (const c of this.callbacks) await c.onTrainBegin?.(this.ctx);
  }
  async epochBegin(epoch: number): Promise<void> {
    for (const c of this.callbacks) await c.onEpochBegin?.(epoch, this.ctx);
  }
  async batchEnd(batch: number): Promise<void> {
    for (const c of this.callbacks) {
      const r = c.onBatchEnd?.(batch, this.ctx);
      if (r) await r;
    }
  }
  async epochEnd(epoch: number, logs: Logs): Promise<void> {
    for (const c of this.callbacks) await c.onEpochEnd?.(epoch, logs, this.ctx);
  }
  async trainEnd(logs: Logs): Promise<void> {
    for (const c of this.callbacks) await c.onTrainEnd?.(logs, this.ctx);
  }
}
