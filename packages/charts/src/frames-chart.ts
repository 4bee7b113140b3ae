import { ChartDataError } from './errors';
import { type VegaLiteSpec, VEGA_LITE_SCHEMA } from './vega-lite-spec';
import { describe } from './internal/check-values';

/**
 * Frames as an n-d array (the `{ shape, data }` type of `@lstm-kit/sequence`, or anything
 * shaped like it): shape `[T, H, W]`, `[T, H, W, 1]`, or one sample `[1, T, H, W, 1]` as
 * sliced from the moving-line X of shape `[n, T, H, W, 1]`.
 */
export interface FramesArray {
  readonly shape: readonly number[];
  readonly data: ArrayLike<number>;
}

/** Options of {@link framesChart}. */
export interface FramesChartOptions {
  /** The frames: an n-d array or nested arrays `frames[t][row][column]`. */
  frames: FramesArray | readonly (readonly (readonly number[])[])[];
  /** Frames per row of the grid; default min(T, 10). */
  columns?: number;
  /** Chart title; default `Frames of a sequence`. */
  title?: string;
  /** Width of one frame in pixels (height follows the frame's aspect); default 100. */
  frameSize?: number;
  /** Legend title for the pixel colour; default `pixel value`. */
  valueTitle?: string;
}

interface Frames {
  t: number;
  h: number;
  w: number;
  at: (t: number, r: number, c: number) => number;
}

/**
 * A grid of frames drawn as heatmaps, one small multiple per time step: the moving line of
 * B8 as black pixels on white, frame by frame.
 *
 * @param options the frames and layout; see {@link FramesChartOptions}
 * @returns a Vega-Lite spec with a title, frame headers, row / column axes and a colour legend
 * @throws ChartDataError when the frames are not 3-D (after dropping a leading and trailing 1),
 *   their data length disagrees with the shape, nested rows are ragged, or a value is not finite
 * @example
 * // three 4×4 frames of a line growing rightwards along row 1
 * const frames = [0, 1, 2].map((t) => [0, 1, 2, 3].map((r) => [0, 1, 2, 3].map((c) => (r === 1 && c <= t ? 1 : 0))));
 * const spec = framesChart({ frames, columns: 3, title: 'Moving line' });
 * await writeChart(spec, 'frames.png');
 */
export function framesChart(options: FramesChartOptions): VegaLiteSpec {
  const frames = readFrames(options.frames);
  const columns = options.columns ?? Math.min(frames.t, 10);
  if (!Number.isInteger(columns) || columns < 1) {
    throw new ChartDataError(`expected columns to be a positive integer, got ${describe(columns)}; use e.g. 10 frames per row`);
  }
  let min = Infinity;
  let max = -Infinity;
  for (let t = 0; t < frames.t; t++)
    for (let r = 0; r < frames.h; r++)
      for (let c = 0; c < frames.w; c++) {
        const v = frames.at(t, r, c);
        if (!Number.isFinite(v)) {
          throw new ChartDataError(`expected finite pixel values, got ${v} at frame ${t}, row ${r}, column ${c}; replace NaN before drawing`);
        }
        if (v < min) min = v;
        if (v > max) max = v;
      }
  if (max === min) max = min + 1;

  // Only pixels above the minimum become rects: the minimum is drawn as the white frame
  // background. A 50-frame 50×50 moving line then needs ~2,500 rects instead of 125,000,
  // which keeps the SVG small and vega fast.
  const rows: Record<string, number | string>[] = [];
  for (let t = 0; t < frames.t; t++) {
    rows.push({ kind: 'frame', frame: t + 1, col: 0, col2: frames.w, row: 0, row2: frames.h });
    for (let r = 0; r < frames.h; r++)
      for (let c = 0; c < frames.w; c++) {
        const v = frames.at(t, r, c);
        if (v > min) rows.push({ kind: 'pixel', frame: t + 1, col: c, col2: c + 1, row: r, row2: r + 1, value: v });
      }
  }

  const frameWidth = options.frameSize ?? 100;
  const x = { field: 'col', type: 'quantitative', title: 'column', scale: { domain: [0, frames.w], nice: false }, axis: { tickCount: 2, grid: false } };
  // Row 0 is the top of an image, so the y scale runs downwards.
  const y = { field: 'row', type: 'quantitative', title: 'row', scale: { domain: [0, frames.h], nice: false, reverse: true }, axis: { tickCount: 2, grid: false } };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: options.title ?? 'Frames of a sequence',
    data: { values: rows },
    columns,
    facet: { field: 'frame', type: 'ordinal', title: 'frame (time step)', header: { labelFontSize: 10 } },
    spec: {
      width: frameWidth,
      height: Math.max(10, Math.round((frameWidth * frames.h) / frames.w)),
      layer: [
        {
          transform: [{ filter: "datum.kind === 'frame'" }],
          mark: { type: 'rect', fill: '#ffffff', stroke: '#999999', strokeWidth: 0.5 },
          encoding: { x, x2: { field: 'col2' }, y, y2: { field: 'row2' } },
        },
        {
          transform: [{ filter: "datum.kind === 'pixel'" }],
          mark: { type: 'rect' },
          encoding: {
            x,
            x2: { field: 'col2' },
            y,
            y2: { field: 'row2' },
            color: {
              field: 'value',
              type: 'quantitative',
              title: options.valueTitle ?? 'pixel value',
              scale: { domain: [min, max], range: ['#ffffff', '#000000'] },
            },
          },
        },
      ],
    },
  };
}

function readFrames(frames: FramesChartOptions['frames']): Frames {
  if (Array.isArray(frames)) return nestedFrames(frames);
  const arr = frames as FramesArray;
  if (arr === null || typeof arr !== 'object' || !Array.isArray(arr.shape) || arr.data === undefined || typeof arr.data.length !== 'number') {
    throw new ChartDataError(
      `expected frames to be { shape, data } or nested arrays frames[t][row][column], got ${describe(frames)}; pass one sample of the moving-line X`,
    );
  }
  let shape = [...arr.shape];
  // Why: a sample sliced from X [n, T, H, W, 1] keeps its leading 1, and image tensors carry a
  // trailing channel of 1; both are drawable as plain T×H×W frames.
  if (shape.length === 5 && shape[0] === 1) shape = shape.slice(1);
  if (shape.length === 4 && shape[3] === 1) shape = shape.slice(0, 3);
  if (shape.length !== 3) {
    const which =
      arr.shape.length === 5 ? ` (dimension 0 is ${arr.shape[0]}, expected 1: slice one sample)` :
      arr.shape.length === 4 ? ` (dimension 3 is ${arr.shape[3]}, expected 1 channel)` : '';
    throw new ChartDataError(
      `expected frames of shape [T, H, W], [T, H, W, 1] or [1, T, H, W, 1], got [${arr.shape.join(', ')}]${which}; reshape to one sample of single-channel frames`,
    );
  }
  const [t, h, w] = shape;
  if (t * h * w !== arr.data.length || t < 1 || h < 1 || w < 1) {
    throw new ChartDataError(
      `expected ${t * h * w} values for frames of shape [${arr.shape.join(', ')}], got ${arr.data.length}; check the shape matches the data`,
    );
  }
  const data = arr.data;
  return { t, h, w, at: (ti, r, c) => data[(ti * h + r) * w + c] };
}

function nestedFrames(frames: readonly (readonly (readonly number[])[])[]): Frames {
  const t = frames.length;
  const h = Array.isArray(frames[0]) ? frames[0].length : 0;
  const w = h > 0 && Array.isArray(frames[0][0]) ? frames[0][0].length : 0;
  if (t === 0 || h === 0 || w === 0) {
    throw new ChartDataError(
      `expected nested frames frames[t][row][column] with at least one frame, row and column, got [${t}, ${h}, ${w}]; pass number[][][]`,
    );
  }
  frames.forEach((frame, ti) => {
    if (!Array.isArray(frame) || frame.length !== h) {
      throw new ChartDataError(`expected frame ${ti} to have ${h} rows like frame 0, got ${describe(frame)}; every frame must be the same size`);
    }
    frame.forEach((row, r) => {
      if (!Array.isArray(row) || row.length !== w || !row.every((v) => typeof v === 'number')) {
        throw new ChartDataError(
          `expected frame ${ti} row ${r} to hold ${w} numbers like row 0 of frame 0, got ${describe(row)}; the nested arrays are ragged`,
        );
      }
    });
  });
  return { t, h, w, at: (ti, r, c) => frames[ti][r][c] };
}
