import type { Rng } from '@lstm-kit/sequence';

/**
 * An orthogonal matrix of `rows × cols` (row-major, float64) drawn like Keras's `Orthogonal`:
 * QR of a standard-normal matrix, with the signs of R's diagonal folded into Q so that the
 * result is uniformly (Haar) distributed. QR is modified Gram–Schmidt on the taller side, in
 * float64, which is stable enough for the square-ish shapes of recurrent kernels.
 */
export function orthogonalMatrix(rows: number, cols: number, rng: Rng): Float64Array {
  const tall = rows >= cols;
  const m = tall ? rows : cols; // length of each column vector
  const n = tall ? cols : rows; // number of orthonormal vectors
  // Column j lives in q[j*m .. j*m+m).
  const q = new Float64Array(m * n);
  for (let i = 0; i < q.length; i++) q[i] = rng.normal();
  for (let j = 0; j < n; j++) {
    const vj = q.subarray(j * m, j * m + m);
    for (let k = 0; k < j; k++) {
      const vk = q.subarray(k * m, k * m + m);
      let dot = 0;
      for (let i = 0; i < m; i++) dot += vk[i] * vj[i];
      for (let i = 0; i < m; i++) vj[i] -= dot * vk[i];
    }
    let norm = 0;
    for (let i = 0; i < m; i++) norm += vj[i] * vj[i];
    norm = Math.sqrt(norm);
    // Gram–Schmidt's R diagonal is the (positive) norm, so Keras's sign fix is already applied.
    for (let i = 0; i < m; i++) vj[i] /= norm;
  }
  const out = new Float64Array(rows * cols);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < m; i++) {
      if (tall) out[i * cols + j] = q[j * m + i];
      else out[j * cols + i] = q[j * m + i];
    }
  }
  return out;
}
