// Micro-benchmark of the fused kernels against dist/: forward + backward of LSTM(50) over 50
// steps, 1 feature, batch 32 (the standard configuration), reported as training-
// equivalent samples/s. Run `npm run build` first. Usage: node bench/kernels.mjs [--js]
import { lstmForward, lstmBackward, gruForward, gruBackward, simpleRnnForward, simpleRnnBackward, kernelBackend, setKernelBackend } from '../dist/index.js';

if (process.argv.includes('--js')) setKernelBackend('js');

function uniform(n, scale, seed) {
  let s = seed >>> 0;
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    a[i] = ((s / 4294967296) * 2 - 1) * scale;
  }
  return a;
}

function bench(name, k, biasRows, forward, backward, { batch, timesteps, inputSize, units }) {
  const args = {
    x: uniform(batch * timesteps * inputSize, 1, 1), batch, timesteps, units,
    kernel: uniform(inputSize * k * units, 0.3, 2), recurrentKernel: uniform(units * k * units, 0.3, 3),
    bias: uniform(biasRows * k * units, 0.1, 4),
  };
  const dOut = uniform(batch * units, 1, 5);
  const train = () => backward(forward(args).tape, dOut);
  const infer = () => forward({ ...args, keepTape: false });
  // Per run: wall ms per batch and process CPU ms per batch. The CPU figure is what one
  // thread costs; it stays honest when other processes share the cores (wall time does not).
  const time = (fn, minMs) => {
    for (let i = 0; i < 5; i++) fn();
    const wall = [];
    const cpu = [];
    for (let r = 0; r < 5; r++) {
      let n = 0;
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      while (performance.now() - t0 < minMs) { fn(); n++; }
      const c = process.cpuUsage(c0);
      wall.push((performance.now() - t0) / n);
      cpu.push((c.user + c.system) / 1000 / n);
    }
    const median = (a) => a.sort((x, y) => x - y)[2];
    return { wall: median(wall), cpu: median(cpu) };
  };
  const tr = time(train, 300);
  const inf = time(infer, 200);
  const rate = (ms) => Math.round((batch / ms) * 1000).toString().padStart(7);
  console.log(
    `${name.padEnd(32)} train ${tr.wall.toFixed(2).padStart(7)} ms ${rate(tr.wall)}/s (cpu ${tr.cpu.toFixed(2)} ms ${rate(tr.cpu)}/s)  ` +
      `predict ${inf.wall.toFixed(2).padStart(7)} ms ${rate(inf.wall)}/s (cpu ${inf.cpu.toFixed(2)} ms ${rate(inf.cpu)}/s)`,
  );
  return { wall: (batch / tr.wall) * 1000, cpu: (batch / tr.cpu) * 1000 };
}

console.log(`@lstm-kit/kernels micro-benchmark — backend ${kernelBackend()}, node ${process.version}, median of 5`);
const std = { batch: 32, timesteps: 50, inputSize: 1, units: 50 };
const lstm = bench('LSTM(50) T=50 in=1 batch=32', 4, 1, lstmForward, lstmBackward, std);
bench('GRU(50) T=50 in=1 batch=32', 3, 2, gruForward, gruBackward, std);
bench('SimpleRNN(50) T=50 in=1 batch=32', 1, 1, simpleRnnForward, simpleRnnBackward, std);
bench('LSTM(20) T=50 in=1 batch=10', 4, 1, lstmForward, lstmBackward, { batch: 10, timesteps: 50, inputSize: 1, units: 20 });
bench('LSTM(256) T=100 in=1 batch=64', 4, 1, lstmForward, lstmBackward, { batch: 64, timesteps: 100, inputSize: 1, units: 256 });
console.log(`per batch, median of 5; samples/s = batch / time. Standard configuration (LSTM(50)): ${Math.round(lstm.wall)} samples/s wall, ${Math.round(lstm.cpu)} samples/s per CPU-second (PyTorch 1.13 CPU, 1 thread, full training step: ~4,000)`);
