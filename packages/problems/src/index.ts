export { ProblemOptionsError } from './problem-options-error';
export { DEFAULT_SEED, type SeedOptions } from './seeding';
export {
  type EchoData,
  type EchoOptions,
  decodeEcho,
  decodeEchoSequences,
  echo,
  echoDefaults,
  echoLabVariant,
} from './echo';
export {
  type DampedSineData,
  type DampedSineOptions,
  type DampedSineParams,
  type DampedSineSeriesOptions,
  type SineSeriesOptions,
  dampedSine,
  dampedSineDefaults,
  dampedSineSeries,
  sineSeries,
} from './damped-sine';
export {
  type LineDirection,
  type MovingLineData,
  type MovingLineOptions,
  type MovingLineSequence,
  movingLine,
  movingLineDefaults,
  movingLineFrames,
} from './moving-line';
export {
  type AdditionData,
  type AdditionOptions,
  addition,
  additionAlphabet,
  additionDefaults,
  additionLengths,
  encodeAdditionStrings,
  invertAddition,
  invertAdditionIntegers,
} from './addition';
export {
  type CumulativeSumData,
  type CumulativeSumOptions,
  cumulativeSum,
  cumulativeSumDefaults,
} from './cumulative-sum';
export {
  type RectangleSample,
  type RectanglesOptions,
  rectangle,
  rectangles,
  rectanglesDefaults,
} from './rectangles';
export {
  type FitDiagnosisData,
  type LabData,
  type LabSeriesData,
  type LinearData,
  type ProductData,
  fitDiagnosisData,
  labSeries,
  linearData,
  productData,
} from './lab-data';
