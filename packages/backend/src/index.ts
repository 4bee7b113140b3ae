export { BackendUnavailableError } from './errors';
export {
  type BackendInfo,
  type BackendPreference,
  type InitBackendOptions,
  describeBackend,
  initBackend,
  isCpuClassBackend,
} from './init-backend';
export { type MemoryKind, memoryKind, readFloat32 } from './tensor-memory';
