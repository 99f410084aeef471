// A small MLP and its per-sample SGD trainer in JavaScript: the browser half of the two-moons
// lab (chapter 2).  The numbers are nnbook's: the same parameter layout as `MLP.params`
// (per layer, per unit: its weights, then its bias), the same forward pass, δ⁽ᴸ⁾ = p − y
// for a sigmoid output with binary cross-entropy, the same backpropagation and update,
// the same data order (pcg64.js) and the same per-epoch measurements as nnbook.train.
// tests/test_widgets_js.py checks one epoch against nnbook to 1e-9.

import { ACTIVATIONS, sigmoid, softplus } from "./activations.js";
import { PCG64 } from "./pcg64.js";

export class MLP {
  // sizes: [n_in, …, 1]; hidden: an activation name; params: Float64Array in nnbook's layout
  constructor(sizes, hidden, params) {
    const [f, df] = ACTIVATIONS[hidden];
    this.sizes = sizes;
    this.hidden = hidden;
    this.f = f;
    this.df = df;
    this.L = sizes.length - 1;
    this.offsets = [];                  // offsets[l]: where layer l+1's rows start in params
    let n = 0;
    for (let l = 1; l <= this.L; l++) {
      this.offsets.push(n);
      n += sizes[l] * (sizes[l - 1] + 1);
    }
    if (params.length !== n) throw new Error(`params: expected ${n} numbers, got ${params.length}`);
    this.params = Float64Array.from(params);
    this.grad = new Float64Array(n);
    this.z = sizes.map((k) => new Float64Array(k));      // z[l], a[l], delta[l]: layer l (z[0] unused)
    this.a = sizes.map((k) => new Float64Array(k));
    this.delta = sizes.map((k) => new Float64Array(k));
  }

  // z⁽ˡ⁾ = W⁽ˡ⁾a⁽ˡ⁻¹⁾ + b⁽ˡ⁾, a⁽ˡ⁾ = f(z⁽ˡ⁾); returns the output's logit z⁽ᴸ⁾
  forward(x, row = 0) {
    const { sizes, params, z, a, L } = this;
    for (let i = 0; i < sizes[0]; i++) a[0][i] = x[row * sizes[0] + i];
    for (let l = 1; l <= L; l++) {
      const nIn = sizes[l - 1], prev = a[l - 1], zl = z[l], al = a[l];
      let p = this.offsets[l - 1];
      for (let j = 0; j < sizes[l]; j++) {
        let s = 0;
        for (let i = 0; i < nIn; i++) s += params[p + i] * prev[i];
        s += params[p + nIn];
        zl[j] = s;
        al[j] = l < L ? this.f(s) : sigmoid(s);
        p += nIn + 1;
      }
    }
    return z[L][0];
  }

  // One SGD step on sample `row` of X with label y: forward, δ⁽ᴸ⁾ = p − y, backprop, update
  step(X, row, y, lr) {
    const { sizes, params, grad, z, a, delta, L } = this;
    this.forward(X, row);
    delta[L][0] = a[L][0] - y;
    for (let l = L - 1; l >= 1; l--) {  // δ⁽ˡ⁾ = f′(z⁽ˡ⁾) ⊙ W⁽ˡ⁺¹⁾ᵀδ⁽ˡ⁺¹⁾
      const nOut = sizes[l + 1], stride = sizes[l] + 1, base = this.offsets[l];
      for (let i = 0; i < sizes[l]; i++) {
        let s = 0;
        for (let j = 0; j < nOut; j++) s += params[base + j * stride + i] * delta[l + 1][j];
        delta[l][i] = this.df(z[l][i]) * s;
      }
    }
    for (let l = 1; l <= L; l++) {      // ∂L/∂W⁽ˡ⁾ = δ⁽ˡ⁾a⁽ˡ⁻¹⁾ᵀ, ∂L/∂b⁽ˡ⁾ = δ⁽ˡ⁾
      const nIn = sizes[l - 1];
      let p = this.offsets[l - 1];
      for (let j = 0; j < sizes[l]; j++) {
        const d = delta[l][j];
        for (let i = 0; i < nIn; i++) grad[p + i] = d * a[l - 1][i];
        grad[p + nIn] = d;
        p += nIn + 1;
      }
    }
    for (let k = 0; k < params.length; k++) params[k] -= lr * grad[k];
  }

  // mean binary cross-entropy from the logits and the accuracy (p > 0.5) over the rows of X
  measure(X, y) {
    let loss = 0, right = 0;
    for (let r = 0; r < y.length; r++) {
      const zL = this.forward(X, r);
      loss += softplus(zL) - y[r] * zL;
      if ((this.a[this.L][0] > 0.5 ? 1 : 0) === y[r]) right += 1;
    }
    return [loss / y.length, right / y.length];
  }

  // per hidden layer, whether every unit has a negative net input on every row of X
  deadLayers(X, n) {
    const alive = this.sizes.slice(1, this.L).map((k) => new Uint8Array(k));
    for (let r = 0; r < n; r++) {
      this.forward(X, r);
      for (let l = 1; l < this.L; l++) for (let j = 0; j < this.sizes[l]; j++) if (this.z[l][j] >= 0) alive[l - 1][j] = 1;
    }
    return alive.map((units) => units.every((u) => u === 0));
  }
}

// nnbook.history's rule for a run that is not learning (RISE, CHANCE_MARGIN, CHANCE_EPOCHS)
export const RISE = 2, CHANCE_MARGIN = 0.02, CHANCE_EPOCHS = 3;

// Per-sample SGD over the training set, epoch by epoch, as nnbook.train.Trainer with batch 1:
// each epoch visits the points in the order of `order` (a PCG64 state), then measures
// loss and accuracy on the training and test sets (epoch 0 is measured at the start).
export class Trainer {
  constructor({ sizes, hidden, params, X, y, Xtest, ytest, lr, order }) {
    this.net = new MLP(sizes, hidden, params);
    Object.assign(this, { X, y, Xtest, ytest, lr });
    this.n = y.length;
    this.rng = new PCG64(order);
    this.epoch = 0;
    this.pos = this.n;                  // at an epoch's end: the next step starts a new epoch
    this.diverged = false;
    this.history = { train_loss: [], train_acc: [], val_loss: [], val_acc: [], params: [] };
    this.chance = Math.max(...[0, 1].map((c) => y.filter((v) => v === c).length)) / this.n;
    this.record();
  }

  record() {
    const [tl, ta] = this.net.measure(this.X, this.y);
    const [vl, va] = this.net.measure(this.Xtest, this.ytest);
    const h = this.history;
    if (!Number.isFinite(tl) || !this.net.params.every(Number.isFinite)) this.diverged = true;
    h.train_loss.push(tl); h.train_acc.push(ta); h.val_loss.push(vl); h.val_acc.push(va);
    h.params.push(Float64Array.from(this.net.params));
  }

  // up to `samples` more steps, never past `lastEpoch`; returns the steps taken
  run(samples, lastEpoch = Infinity) {
    let taken = 0;
    while (taken < samples && !this.diverged && !(this.pos >= this.n && this.epoch >= lastEpoch)) {
      if (this.pos >= this.n) {
        this.order = this.rng.permutation(this.n);
        this.pos = 0;
      }
      const stop = Math.min(this.n, this.pos + samples - taken);
      taken += stop - this.pos;
      for (; this.pos < stop; this.pos++) {
        const i = this.order[this.pos];
        this.net.step(this.X, i, this.y[i], this.lr);
      }
      if (this.pos >= this.n) {
        this.epoch += 1;
        this.record();
      }
    }
    return taken;
  }

  // "learning", or why not: diverged, loss rose past RISE × its start, or accuracy at chance
  verdict() {
    const h = this.history, e = this.epoch;
    if (this.diverged) {
      const finite = h.train_loss.filter(Number.isFinite);
      return `diverged at epoch ${e}` + (finite.length ? ` (last finite loss ${finite[finite.length - 1].toPrecision(4)})` : "");
    }
    const start = h.train_loss[0], end = h.train_loss[e];
    if (e >= 1 && end > RISE * start) return `not learning: loss rose from ${start.toPrecision(4)} to ${end.toPrecision(4)}`;
    const acc = h.train_acc[e];
    if (e >= CHANCE_EPOCHS && acc <= this.chance + CHANCE_MARGIN) {
      return `not learning: accuracy ${acc.toFixed(3)} after ${e} epochs is chance (always the most common class: ${this.chance.toFixed(3)})`;
    }
    return "learning";
  }
}
