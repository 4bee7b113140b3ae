import * as tf from '@tensorflow/tfjs';
import { fileSystem } from './file-io-handler';

type Router = Parameters<typeof tf.io.registerSaveRouter>[0];

/**
 * The tfjs IO router for `file://` URLs: `model.save('file://dir')` and
 * `tf.loadLayersModel('file://dir/model.json')` go through {@link fileSystem}. Registered
 * when this package is imported (tfjs-node is not installable everywhere, and without it
 * tfjs has no `file://` handler at all).
 *
 * @param url what tfjs was given
 * @returns a handler for `file://` URLs, null for anything else
 * @example
 * import '@lstm-kit/persistence';
 * await model.save('file://models/sales');
 */
export const fileRouter: Router = (url) => {
  if (typeof url === 'string' && url.startsWith('file://')) return fileSystem(url);
  if (Array.isArray(url) && url.length === 1 && typeof url[0] === 'string' && url[0].startsWith('file://')) return fileSystem(url[0]);
  // tfjs's registry treats null as "not mine" although IORouter's type does not say so.
  return null as unknown as tf.io.IOHandler;
};

// The flag lives on globalThis, not in this module, because the ESM and CJS builds (or two
// installed copies) may both be loaded, and two routers for one URL make tfjs refuse it
// ("Found more than one (2) load handlers").
const REGISTERED = Symbol.for('@lstm-kit/persistence/file-router');
const registry = globalThis as { [REGISTERED]?: boolean };
if (!registry[REGISTERED]) {
  registry[REGISTERED] = true;
  tf.io.registerSaveRouter(fileRouter);
  tf.io.registerLoadRouter(fileRouter);
}
