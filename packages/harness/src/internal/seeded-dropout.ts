import * as tf from '@tensorflow/tfjs';
import type { Rng } from '@lstm-kit/sequence';

interface DropoutLayer {
  rate?: number;
  seed?: number;
}
interface DropoutCell {
  dropout?: number;
  recurrentDropout?: number;
  dropoutFunc?: (x: tf.Tensor, rate: number) => tf.Tensor;
}
interface LayerTree extends DropoutLayer {
  getClassName?: () => string;
  cell?: DropoutCell;
  layer?: LayerTree;
  forwardLayer?: LayerTree;
  backwardLayer?: LayerTree;
  layers?: LayerTree[];
}

/** Around each update: give every dropout of the model a fresh seed, then put the layers back. */
export interface SeededDropout {
  before(): void;
  after(): void;
}

/**
 * Make a model's dropout repeatable from one seed: before each update every Dropout layer and
 * every recurrent cell with `dropout` / `recurrentDropout` draws its masks from a seed taken
 * from `rng`, so the same run seed gives the same masks, update after update.
 *
 * tfjs draws unseeded dropout masks from Math.random, and a Dropout layer given a fixed
 * `seed` reuses one mask for every batch; a fresh seed per update avoids both. The layers'
 * own `seed` and `dropoutFunc` are restored after each update, so saved configs are unchanged.
 *
 * @returns hooks for the train step, or null when the model has no dropout
 */
export function seededDropout(model: tf.LayersModel, rng: Rng): SeededDropout | null {
  const layers: DropoutLayer[] = [];
  const cells: DropoutCell[] = [];
  const visit = (layer: LayerTree): void => {
    const name = layer.getClassName?.() ?? '';
    if (/Dropout/.test(name) && typeof layer.rate === 'number' && layer.rate > 0) layers.push(layer);
    const cell = layer.cell;
    if (cell && ((cell.dropout ?? 0) > 0 || (cell.recurrentDropout ?? 0) > 0)) cells.push(cell);
    for (const inner of [layer.layer, layer.forwardLayer, layer.backwardLayer]) if (inner) visit(inner);
    if (Array.isArray(layer.layers)) layer.layers.forEach(visit);
  };
  (model.layers as unknown as LayerTree[]).forEach(visit);
  if (layers.length === 0 && cells.length === 0) return null;
  const savedSeeds = layers.map((l) => l.seed);
  const savedFuncs = cells.map((c) => c.dropoutFunc);
  return {
    before() {
      for (const layer of layers) layer.seed = rng.nextSeed();
      for (const cell of cells) {
        // One seed per update and cell; each mask the cell draws in this update gets the next one.
        let seed = rng.nextSeed();
        cell.dropoutFunc = (x: tf.Tensor, rate: number) => tf.dropout(x, rate, undefined, seed++);
      }
    },
    after() {
      layers.forEach((layer, i) => {
        layer.seed = savedSeeds[i];
      });
      cells.forEach((cell, i) => {
        cell.dropoutFunc = savedFuncs[i];
      });
    },
  };
}
