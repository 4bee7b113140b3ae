"""PyTorch CPU reference timings for the lstm-kit benchmark.

Trains the same models lstm-kit's benchmark trains, on one CPU thread, and prints one JSON
object: samples/s for the standard configurations and seconds per epoch for the book's
systems at the book's sizes. Random data of the right shapes is used: only training is timed.
Every timing is reported as wall seconds and as this process's CPU seconds (`*_cpu_s`), since
the machine may be shared: CPU time is what the training itself cost.

Usage: OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/pytorch_reference.py [--quick]
"""
import json
import sys
import time

import torch
from torch import nn

torch.set_num_threads(1)
torch.manual_seed(0)
QUICK = '--quick' in sys.argv


class LastStep(nn.Module):
    """LSTM returning the last output (Keras return_sequences=False)."""

    def __init__(self, inp, units):
        super().__init__()
        self.lstm = nn.LSTM(inp, units, batch_first=True)

    def forward(self, x):
        out, _ = self.lstm(x)
        return out[:, -1, :]


class Seq(nn.Module):
    def __init__(self, inp, units, bidirectional=False):
        super().__init__()
        self.lstm = nn.LSTM(inp, units, batch_first=True, bidirectional=bidirectional)

    def forward(self, x):
        return self.lstm(x)[0]


def train(model, loss_fn, batches):
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    model.train()
    t0, c0 = time.perf_counter(), time.process_time()
    for x, y in batches:
        opt.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()
    return time.perf_counter() - t0, time.process_time() - c0


def predict_rate(model, x, repeats):
    model.eval()
    with torch.no_grad():
        model(x)
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in range(repeats):
            model(x)
    return repeats * x.shape[0] / (time.perf_counter() - t0), repeats * x.shape[0] / (time.process_time() - c0)


def regression_batches(n, batch, steps, feat, out):
    xs = torch.rand(batch, steps, feat)
    ys = torch.rand(batch, out)
    return [(xs, ys)] * (n // batch)


def standard(units, steps, batch, n):
    model = nn.Sequential(LastStep(1, units), nn.Linear(units, 1))
    train(model, nn.MSELoss(), regression_batches(batch * 3, batch, steps, 1, 1))  # warm-up
    secs, cpu = train(model, nn.MSELoss(), regression_batches(n, batch, steps, 1, 1))
    pred, pred_cpu = predict_rate(model, torch.rand(batch, steps, 1), 20)
    return {'train_samples_per_s': n / secs, 'train_samples_per_cpu_s': n / cpu,
            'predict_samples_per_s': pred, 'predict_samples_per_cpu_s': pred_cpu}


def timed(samples, secs_cpu):
    secs, cpu = secs_cpu
    return {'train_s': secs, 'train_cpu_s': cpu, 'samples': samples}


def b6(n):
    model = nn.Sequential(LastStep(10, 25), nn.Linear(25, 10))
    x = torch.nn.functional.one_hot(torch.randint(0, 10, (1, 5)), 10).float()
    y = torch.tensor([3])
    result = timed(n, train(model, nn.CrossEntropyLoss(), [(x, y)] * n))
    model.eval()
    with torch.no_grad():
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in range(1000):
            model(x)
        result['predict_one_ms'] = (time.perf_counter() - t0) / 1000 * 1e3
        result['predict_one_cpu_ms'] = (time.process_time() - c0) / 1000 * 1e3
    return result


def b7(n):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            self.l1 = Seq(1, 20)
            self.l2 = LastStep(20, 20)
            self.d = nn.Linear(20, 5)

        def forward(self, x):
            return self.d(self.l2(self.l1(x)))

    return timed(n, train(M(), nn.L1Loss(), regression_batches(n, 10, 50, 1, 5)))


def b8(n):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv = nn.Conv2d(1, 2, 2)
            self.pool = nn.MaxPool2d(2)
            self.lstm = LastStep(1152, 50)
            self.d = nn.Linear(50, 1)

        def forward(self, x):
            b, t = x.shape[:2]
            f = self.pool(torch.relu(self.conv(x.reshape(b * t, 1, 50, 50))))
            return torch.sigmoid(self.d(self.lstm(f.reshape(b, t, -1))))

    x = (torch.rand(32, 50, 1, 50, 50) > 0.98).float()
    y = torch.randint(0, 2, (32, 1)).float()
    return timed(n // 32 * 32, train(M(), nn.BCELoss(), [(x, y)] * (n // 32)))


def b9(n):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            self.enc = LastStep(12, 75)
            self.dec = Seq(75, 50)
            self.d = nn.Linear(50, 12)

        def forward(self, x):
            h = self.enc(x).unsqueeze(1).repeat(1, 2, 1)
            return self.d(self.dec(h)).transpose(1, 2)

    x = torch.rand(32, 8, 12)
    y = torch.randint(0, 12, (32, 2))
    return timed(n // 32 * 32, train(M(), nn.CrossEntropyLoss(), [(x, y)] * (n // 32)))


def b10(n):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            self.bi = Seq(1, 50, bidirectional=True)
            self.d = nn.Linear(100, 1)

        def forward(self, x):
            return torch.sigmoid(self.d(self.bi(x)))

    x = torch.rand(10, 10, 1)
    y = torch.randint(0, 2, (10, 10, 1)).float()
    return timed(n // 10 * 10, train(M(), nn.BCELoss(), [(x, y)] * (n // 10)))


scale = 10 if QUICK else 1
result = {
    'torch': torch.__version__,
    'threads': torch.get_num_threads(),
    'standard': standard(50, 50, 32, 32000 // scale),
    'large': standard(256, 100, 64, 640 // scale),
    'B6': b6(10_000 // scale),
    'B7': b7(10_000 // scale),
    'B8': b8(5_000 // scale // (5 if QUICK else 1) or 32),
    'B9': b9(75_000 // scale),
    'B10': b10(50_000 // scale),
}
print(json.dumps(result))
