// WebAssembly entry: the primitives that src/internal/wasm-ops.ts drives. Memory is raw
// linear memory addressed by byte pointers; the TypeScript side owns the layout and grows the
// memory, so no AssemblyScript runtime or allocator is linked.

export { gemm, gemmPacked, packB, packedSize, gemmScratchSize, colSumAccumulate } from './gemm';
export { adamUpdate } from './adam';
export { lstmCellForward, lstmCellBackward, gruCellForward, gruCellBackward, rnnCellForward, rnnCellBackward } from './cells';

/** First byte the TypeScript side may use, 16-byte aligned. */
export function heapBase(): usize {
  return (__heap_base + 15) & ~15;
}
