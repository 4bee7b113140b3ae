export { ShapeError, ValueError } from './errors';
export {
  type NdArray,
  type Nested,
  assertFinite,
  assertShape,
  concatRows,
  fromNested,
  ndarray,
  reshape,
  shapeOf,
  sizeOf,
  sliceRows,
  takeRows,
  toNested,
  zeros,
} from './nd-array';
export { oneHotDecode, oneHotEncode } from './one-hot';
export { type Rng, createRng } from './random';
