import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { BackendUnavailableError } from './errors';

/** The backends lstm-kit can run on; `auto` picks the fastest one available. */
export type BackendPreference = 'auto' | 'tensorflow' | 'wasm' | 'cpu';

/** What `initBackend` chose, and why. */
export interface BackendInfo {
  /** The lstm-kit name of the backend: `tensorflow` (libtensorflow through tfjs-node or tfjs-node-gpu), `wasm` or `cpu`. */
  readonly name: 'tensorflow' | 'wasm' | 'cpu';
  /** The tfjs backend name now active (`tf.getBackend()`). */
  readonly tfBackend: string;
  /** The npm package that provides it. */
  readonly package: string;
  /** Whether it runs on a GPU (tfjs-node-gpu). */
  readonly gpu: boolean;
  /** For wasm: whether WebAssembly SIMD is in use. */
  readonly simd: boolean;
  /** One sentence on why this backend was chosen. */
  readonly reason: string;
  /** What was tried before it and why it was passed over (for `auto`). */
  readonly skipped: readonly string[];
}

/** Options of {@link initBackend}. */
export interface InitBackendOptions {
  /**
   * Which backend to use. Default: the `LSTM_KIT_BACKEND` environment variable, else `'auto'`
   * (tfjs-node-gpu, then tfjs-node, both only if installed, then wasm with SIMD, then cpu).
   */
  prefer?: BackendPreference;
  /** Print the choice and the reason on one line. Default false. */
  verbose?: boolean;
  /** Where verbose lines go. Default `console.error`, so stdout stays clean for data. */
  log?: (line: string) => void;
}

const PREFERENCES: readonly BackendPreference[] = ['auto', 'tensorflow', 'wasm', 'cpu'];

const TENSORFLOW_PACKAGES = [
  { pkg: '@tensorflow/tfjs-node-gpu', gpu: true },
  { pkg: '@tensorflow/tfjs-node', gpu: false },
] as const;

/**
 * Choose, start and report the TensorFlow.js backend every lstm-kit package runs on.
 *
 * @param options which backend to prefer (also read from `LSTM_KIT_BACKEND`) and whether to print the choice
 * @returns what was chosen and why
 * @throws BackendUnavailableError when a named backend cannot be started (for `tensorflow`,
 *   the message names `@tensorflow/tfjs-node` to install); also for an unknown name
 * @example
 * import { initBackend } from '@lstm-kit/backend';
 * const info = await initBackend({ prefer: 'auto', verbose: true });
 * // lstm-kit backend: wasm (SIMD) — fastest installed: tfjs-node not installed
 */
export async function initBackend(options: InitBackendOptions = {}): Promise<BackendInfo> {
  const prefer = resolvePreference(options.prefer);
  const skipped: string[] = [];
  let info: BackendInfo;
  switch (prefer) {
    case 'tensorflow': {
      const found = await startTensorflow(skipped);
      if (!found) {
        throw new BackendUnavailableError(
          `the 'tensorflow' backend needs @tensorflow/tfjs-node (CPU) or @tensorflow/tfjs-node-gpu (CUDA), and neither could be loaded (${skipped.join('; ')}); install one with 'npm install @tensorflow/tfjs-node', or choose 'wasm' (the default) or 'cpu'`,
        );
      }
      info = found;
      break;
    }
    case 'wasm':
      info = await startWasm(skipped, `asked for 'wasm'`);
      break;
    case 'cpu':
      info = await startCpu(skipped, `asked for 'cpu'`);
      break;
    case 'auto': {
      const found = await startTensorflow(skipped);
      if (found) {
        info = found;
        break;
      }
      try {
        info = await startWasm(skipped, 'auto: fastest installed backend');
      } catch (e) {
        skipped.push(`wasm: ${(e as Error).message}`);
        info = await startCpu(skipped, 'auto: nothing faster could start');
      }
      break;
    }
  }
  if (options.verbose) (options.log ?? console.error)(describeBackend(info));
  return info;
}

/**
 * One line saying which backend is active and why, for logs and reports.
 *
 * @example
 * console.log(describeBackend(await initBackend()));
 */
export function describeBackend(info: BackendInfo): string {
  const detail = info.name === 'wasm' ? (info.simd ? ' (SIMD)' : ' (no SIMD)') : info.gpu ? ' (GPU)' : '';
  const passed = info.skipped.length ? `; passed over: ${info.skipped.join('; ')}` : '';
  return `lstm-kit backend: ${info.name}${detail} from ${info.package} — ${info.reason}${passed}`;
}

function resolvePreference(given: BackendPreference | undefined): BackendPreference {
  const raw = given ?? (process.env.LSTM_KIT_BACKEND?.trim().toLowerCase() || 'auto');
  if (!PREFERENCES.includes(raw as BackendPreference)) {
    const source = given === undefined ? ` (from LSTM_KIT_BACKEND)` : '';
    throw new BackendUnavailableError(
      `unknown backend '${raw}'${source}; expected one of ${PREFERENCES.map((p) => `'${p}'`).join(', ')}`,
    );
  }
  return raw as BackendPreference;
}

async function startTensorflow(skipped: string[]): Promise<BackendInfo | undefined> {
  for (const { pkg, gpu } of TENSORFLOW_PACKAGES) {
    const entry = resolveInstalled(pkg);
    if (!entry) {
      skipped.push(`${pkg}: not installed`);
      continue;
    }
    try {
      // Loading tfjs-node registers the 'tensorflow' backend with the shared tfjs-core.
      await import(pathToFileURL(entry).href);
    } catch (e) {
      skipped.push(`${pkg}: failed to load (${(e as Error).message})`);
      continue;
    }
    if (await tf.setBackend('tensorflow')) {
      await tf.ready();
      return { name: 'tensorflow', tfBackend: tf.getBackend(), package: pkg, gpu, simd: false, reason: `${pkg} is installed (native libtensorflow)`, skipped: [...skipped] };
    }
    skipped.push(`${pkg}: loaded but the 'tensorflow' backend did not start`);
  }
  return undefined;
}

async function startWasm(skipped: string[], reason: string): Promise<BackendInfo> {
  try {
    // The Node build of tfjs-backend-wasm reads its .wasm files next to itself in node_modules.
    await import('@tensorflow/tfjs-backend-wasm');
  } catch (e) {
    throw new BackendUnavailableError(
      `the 'wasm' backend needs @tensorflow/tfjs-backend-wasm, which could not be loaded (${(e as Error).message}); reinstall with 'npm install @tensorflow/tfjs-backend-wasm' or choose 'cpu'`,
    );
  }
  const ok = await tf.setBackend('wasm').catch(() => false);
  if (!ok) {
    throw new BackendUnavailableError(`the 'wasm' backend failed to initialise; choose 'cpu' instead`);
  }
  await tf.ready();
  const simd = Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'));
  return { name: 'wasm', tfBackend: tf.getBackend(), package: '@tensorflow/tfjs-backend-wasm', gpu: false, simd, reason, skipped: [...skipped] };
}

async function startCpu(skipped: string[], reason: string): Promise<BackendInfo> {
  await tf.setBackend('cpu');
  await tf.ready();
  // The cpu backend greets its first tensor with a banner telling Node users to install
  // tfjs-node; lstm-kit has just reported its choice and why (describeBackend), so say it once.
  (tf.backend() as unknown as { firstUse?: boolean }).firstUse = false;
  return { name: 'cpu', tfBackend: tf.getBackend(), package: '@tensorflow/tfjs-backend-cpu', gpu: false, simd: false, reason, skipped: [...skipped] };
}

function resolveInstalled(pkg: string): string | undefined {
  // Resolve before importing: a missing optional peer is the normal case, not an error. The
  // user's project directory is searched too, for installs beside (not below) lstm-kit.
  for (const from of [import.meta.url, `${process.cwd()}/`]) {
    try {
      return createRequire(from).resolve(pkg);
    } catch {
      // not resolvable from here; try the next place
    }
  }
  return undefined;
}

/**
 * Whether the active tfjs backend runs on the CPU (wasm or cpu), where lstm-kit's fused
 * recurrent kernels are faster than tfjs ops.
 *
 * @example
 * if (isCpuClassBackend()) console.log('fused kernels in use');
 */
export function isCpuClassBackend(name: string = tf.getBackend()): boolean {
  return name === 'wasm' || name === 'cpu';
}
