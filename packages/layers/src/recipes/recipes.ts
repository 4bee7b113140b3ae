import { vanilla } from './vanilla';
import { stacked } from './stacked';
import { cnnLstm } from './cnn-lstm';
import { encoderDecoder } from './encoder-decoder';
import { bidirectionalLstm } from './bidirectional-lstm';
import { generative } from './generative';
import { deepLstm } from './deep-lstm';
import { sequenceModel } from './sequence-model';

/**
 * Every recipe under its course name. `recipes.bidirectional` is the bidirectional-LSTM model
 * (also exported as `bidirectionalLstm`, since `bidirectional` at the top level is the layer).
 *
 * @example
 * const model = recipes.bidirectional({ units: 50, timesteps: 10 });
 */
export const recipes = {
  vanilla,
  stacked,
  cnnLstm,
  encoderDecoder,
  bidirectional: bidirectionalLstm,
  generative,
  deepLstm,
  sequenceModel,
} as const;
