#!/usr/bin/env python3
"""Independent PyTorch reference for lab L4 (echo, stateless LSTM, 500 online updates).

Reproduces the Keras setup of apps/echo-stateless without any lstm-kit code:

- echo problem: 5 random integers in [0, 10), one-hot (10 features); the target is the
  integer at index ``out_index`` (2), one-hot;
- LSTM(units) -> Dense(10, softmax) with Keras's initialisation: kernel glorot-uniform,
  recurrent kernel orthogonal, bias zeros with the forget-gate bias 1 (unit_forget_bias),
  gate order i, f, c, o (the same as PyTorch's i, f, g, o); Dense glorot-uniform, zero bias.
  PyTorch's LSTM has two biases: b_ih holds Keras's bias and b_hh is fixed at zero (frozen:
  Adam would otherwise step both and move the sum twice as fast as Keras's one bias);
- softmax + categorical cross-entropy (log_softmax + NLL is the same function);
- Adam with Keras's defaults: lr 0.001, beta1 0.9, beta2 0.999, epsilon 1e-7;
- ``updates`` updates, each on one freshly generated sequence (batch 1);
- accuracy on ``test`` new sequences.

Usage (CPU, one thread):

    OPENBLAS_NUM_THREADS=1 python3 apps/echo-stateless/reference/echo_stateless_torch.py \
        --seeds 1-20 [--units 16] [--updates 500] [--lr 0.001] [--out-index 2] [--length 5]

``--init-json FILE --steps N`` replays training from initial weights and samples exported from
lstm-kit (Keras layout: lstm kernel [features, 4u], recurrent kernel [u, 4u], bias [4u], dense
kernel [u, 10], dense bias [10]) and prints losses, last gradients, final weights and test
accuracy as JSON; ``lstm-kit-replay.mjs`` writes such a file and compares the two.
"""

import argparse
import json
import math
import statistics
import sys

import numpy as np
import torch
import torch.nn as nn


def glorot_uniform(fan_in, fan_out, shape, gen):
    limit = math.sqrt(6.0 / (fan_in + fan_out))
    return (torch.rand(shape, generator=gen, dtype=torch.float64) * 2 - 1) * limit


def orthogonal(rows, cols, gen):
    """Keras's Orthogonal initializer (gain 1) for a [rows, cols] matrix."""
    flat = torch.randn((max(rows, cols), min(rows, cols)), generator=gen, dtype=torch.float64)
    q, r = torch.linalg.qr(flat)
    q = q * torch.sign(torch.diagonal(r))
    if rows < cols:
        q = q.T
    return q[:rows, :cols]


def hard_sigmoid(x):
    """Keras 2's hard_sigmoid: clip(0.2 x + 0.5, 0, 1)."""
    return torch.clamp(0.2 * x + 0.5, 0.0, 1.0)


class EchoModel(nn.Module):
    def __init__(self, features, units, outputs, recurrent_activation="sigmoid"):
        super().__init__()
        self.units = units
        self.recurrent_activation = recurrent_activation
        self.lstm = nn.LSTM(features, units, batch_first=True)
        # Keras has one LSTM bias. A second trainable copy would get its own Adam step and move
        # the effective bias twice as fast, so b_hh stays at zero and out of the optimizer.
        self.lstm.bias_hh_l0.requires_grad_(False)
        self.dense = nn.Linear(units, outputs)

    def set_keras_weights(self, kernel, recurrent, bias, dense_kernel, dense_bias):
        """Keras layout: kernel [in, 4u], recurrent [u, 4u], bias [4u], gates i, f, c, o."""
        with torch.no_grad():
            self.lstm.weight_ih_l0.copy_(torch.as_tensor(kernel, dtype=torch.float32).T)
            self.lstm.weight_hh_l0.copy_(torch.as_tensor(recurrent, dtype=torch.float32).T)
            self.lstm.bias_ih_l0.copy_(torch.as_tensor(bias, dtype=torch.float32))
            self.lstm.bias_hh_l0.zero_()
            self.dense.weight.copy_(torch.as_tensor(dense_kernel, dtype=torch.float32).T)
            self.dense.bias.copy_(torch.as_tensor(dense_bias, dtype=torch.float32))

    def keras_init(self, gen):
        features = self.lstm.input_size
        u = self.units
        outputs = self.dense.out_features
        kernel = glorot_uniform(features, 4 * u, (features, 4 * u), gen)
        recurrent = orthogonal(u, 4 * u, gen)
        bias = torch.zeros(4 * u, dtype=torch.float64)
        bias[u : 2 * u] = 1.0  # unit_forget_bias
        dense_kernel = glorot_uniform(u, outputs, (u, outputs), gen)
        dense_bias = torch.zeros(outputs, dtype=torch.float64)
        self.set_keras_weights(kernel, recurrent, bias, dense_kernel, dense_bias)

    def forward(self, x):
        if self.recurrent_activation == "sigmoid":
            out, _ = self.lstm(x)
            return self.dense(out[:, -1, :])  # logits; softmax lives in the loss
        # Keras 2 before 2.3 gated with hard_sigmoid by default; nn.LSTM cannot, so unroll by hand
        # with the same parameters (gate order i, f, c, o).
        u = self.units
        w_ih, w_hh = self.lstm.weight_ih_l0, self.lstm.weight_hh_l0
        b = self.lstm.bias_ih_l0 + self.lstm.bias_hh_l0
        h = x.new_zeros(x.shape[0], u)
        c = x.new_zeros(x.shape[0], u)
        for step in range(x.shape[1]):
            z = x[:, step, :] @ w_ih.T + h @ w_hh.T + b
            i = hard_sigmoid(z[:, :u])
            f = hard_sigmoid(z[:, u : 2 * u])
            g = torch.tanh(z[:, 2 * u : 3 * u])
            o = hard_sigmoid(z[:, 3 * u :])
            c = f * c + i * g
            h = o * torch.tanh(c)
        return self.dense(h)


def echo(rng, n, length, features, out_index):
    seqs = rng.integers(0, features, size=(n, length))
    x = np.zeros((n, length, features), dtype=np.float32)
    for p in range(n):
        x[p, np.arange(length), seqs[p]] = 1.0
    targets = seqs[:, out_index]
    return torch.from_numpy(x), torch.from_numpy(targets.astype(np.int64)), seqs


def trainable(model):
    return [p for p in model.parameters() if p.requires_grad]


def categorical_crossentropy(logits, targets):
    # softmax + categorical cross-entropy on one-hot targets == log_softmax + NLL
    return nn.functional.cross_entropy(logits, targets)


def run(seed, args, init=None):
    torch.manual_seed(seed)
    gen = torch.Generator().manual_seed(seed)
    rng = np.random.default_rng(seed)
    model = EchoModel(args.features, args.units, args.features, args.recurrent_activation)
    if init is None:
        model.keras_init(gen)
    else:
        model.set_keras_weights(init["kernel"], init["recurrent"], init["bias"], init["denseKernel"], init["denseBias"])
    opt = torch.optim.Adam(trainable(model), lr=args.lr, betas=(0.9, 0.999), eps=1e-7)
    losses = []
    for _ in range(args.updates):
        x, t, _ = echo(rng, args.batch, args.length, args.features, args.out_index)
        opt.zero_grad()
        loss = categorical_crossentropy(model(x), t)
        loss.backward()
        opt.step()
        losses.append(loss.item())
    x, t, _ = echo(rng, args.test, args.length, args.features, args.out_index)
    with torch.no_grad():
        acc = (model(x).argmax(-1) == t).float().mean().item()
    return acc, losses


def replay(args):
    """Train from weights and samples exported from lstm-kit; print per-step losses, gradients and weights as JSON.

    The JSON holds Keras-layout initial weights (kernel, recurrent, bias, denseKernel, denseBias),
    training samples x [n * length * features] and y [n * features] (update s uses sample s mod n),
    and optionally testX / testY for an accuracy at the end. Gradients and weights are printed for
    the last step only (and for every step with --steps 1).
    """
    with open(args.init_json) as f:
        init = json.load(f)
    model = EchoModel(args.features, args.units, args.features)
    model.set_keras_weights(init["kernel"], init["recurrent"], init["bias"], init["denseKernel"], init["denseBias"])
    opt = torch.optim.Adam(trainable(model), lr=args.lr, betas=(0.9, 0.999), eps=1e-7)
    x = torch.tensor(init["x"], dtype=torch.float32).reshape(-1, 1, args.length, args.features)
    t = torch.tensor(init["y"], dtype=torch.float32).reshape(-1, args.features).argmax(-1).reshape(-1, 1)
    losses = []
    for step in range(args.steps):
        i = step % x.shape[0]
        opt.zero_grad()
        logits = model(x[i])
        loss = categorical_crossentropy(logits, t[i])
        loss.backward()
        losses.append(loss.item())
        if step == 0:
            probs0 = torch.softmax(logits, -1).tolist()
        if step == args.steps - 1:
            grads = {
                "kernel": model.lstm.weight_ih_l0.grad.T.tolist(),
                "recurrent": model.lstm.weight_hh_l0.grad.T.tolist(),
                "bias": model.lstm.bias_ih_l0.grad.tolist(),
                "denseKernel": model.dense.weight.grad.T.tolist(),
                "denseBias": model.dense.bias.grad.tolist(),
            }
        opt.step()
    with torch.no_grad():
        weights = {
            "kernel": model.lstm.weight_ih_l0.T.tolist(),
            "recurrent": model.lstm.weight_hh_l0.T.tolist(),
            "bias": (model.lstm.bias_ih_l0 + model.lstm.bias_hh_l0).tolist(),
            "denseKernel": model.dense.weight.T.tolist(),
            "denseBias": model.dense.bias.tolist(),
        }
        result = {"losses": losses, "probs0": probs0, "lastGrads": grads, "weights": weights}
        if "testX" in init:
            tx = torch.tensor(init["testX"], dtype=torch.float32).reshape(-1, args.length, args.features)
            tt = torch.tensor(init["testY"], dtype=torch.float32).reshape(-1, args.features).argmax(-1)
            pred = model(tx).argmax(-1)
            result["predicted"] = pred.tolist()
            result["accuracy"] = (pred == tt).float().mean().item()
    json.dump(result, sys.stdout)


def parse_seeds(text):
    seeds = []
    for part in text.split(","):
        if "-" in part:
            a, b = part.split("-")
            seeds.extend(range(int(a), int(b) + 1))
        else:
            seeds.append(int(part))
    return seeds


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--seeds", default="1-20")
    p.add_argument("--units", type=int, default=16)
    p.add_argument("--updates", type=int, default=500)
    p.add_argument("--lr", type=float, default=0.001)
    p.add_argument("--batch", type=int, default=1)
    p.add_argument("--length", type=int, default=5)
    p.add_argument("--features", type=int, default=10)
    p.add_argument("--out-index", type=int, default=2)
    p.add_argument("--test", type=int, default=100)
    p.add_argument(
        "--recurrent-activation",
        choices=["sigmoid", "hard_sigmoid"],
        default="sigmoid",
        help="gate activation: sigmoid (Keras >= 2.3, tf.keras, lstm-kit) or hard_sigmoid (Keras 2.0-2.2's default)",
    )
    p.add_argument("--init-json", help="replay: initial weights and samples exported from lstm-kit (JSON)")
    p.add_argument("--steps", type=int, default=1, help="with --init-json: number of Adam steps")
    p.add_argument("--quiet", action="store_true", help="print only the summary line")
    args = p.parse_args()
    torch.set_num_threads(1)

    if args.init_json:
        replay(args)
        return

    accs = []
    for seed in parse_seeds(args.seeds):
        acc, losses = run(seed, args)
        accs.append(acc)
        if not args.quiet:
            last = sum(losses[-50:]) / len(losses[-50:])
            print(f"seed {seed:3d}: accuracy {acc * 100:5.1f}%  mean loss of last 50 updates {last:.3f}", flush=True)
    mean = statistics.mean(accs)
    sd = statistics.stdev(accs) if len(accs) > 1 else 0.0
    print(
        f"LSTM({args.units}, {args.recurrent_activation} gates) length {args.length} outIndex {args.out_index} "
        f"updates {args.updates} lr {args.lr} batch {args.batch}: "
        f"accuracy over {len(accs)} seeds mean {mean * 100:.1f}% (sd {sd * 100:.1f}), "
        f"min {min(accs) * 100:.0f}%, max {max(accs) * 100:.0f}%, median {statistics.median(accs) * 100:.1f}%"
    )


if __name__ == "__main__":
    main()
