// A small MLP and its trainer in JavaScript: the browser half of the two-moons lab (chapter 2)
// and of the playground (chapter 6).  Any depth, one activation per hidden layer, a sigmoid
// output with binary cross-entropy or the quadratic cost, or a softmax output with
// cross-entropy; minibatches, the six optimizers of optimizers.js, an L1 or L2 penalty on the
// weights and inverted dropout.  Every number is nnbook's (nnbook.MLP, nnbook.train.Trainer):
// the same parameter layout as `MLP.params` (per layer, per unit: its weights, then its bias),
// the same forward pass, the head's δ⁽ᴸ⁾ (p − y for the paired losses), the same
// backpropagation, the penalty λ₂W + λ₁ sign(W) added to the gradient, the dropout masks
// (u ≥ p)/(1 − p) drawn from the network's generator layer by layer, the epoch's order from the
// shuffle generator (pcg64.js) and the same per-epoch measurements.  tests/test_widgets_js.py
// and tests/test_playground.py check a first epoch against nnbook to 1e-9.

import { activation, sigmoid, softplus } from "./activations.js";
import { PCG64, random } from "./pcg64.js";
import { optimizer } from "./optimizers.js";

// nnbook.history's rule for a run that is not learning (RISE, CHANCE_MARGIN, CHANCE_EPOCHS)
export const RISE = 2, CHANCE_MARGIN = 0.02, CHANCE_EPOCHS = 3;

// nnbook.optim's defaults for each optimizer (a test holds them to the Python classes)
export const OPTIMIZER_DEFAULTS = {
  sgd: {}, momentum: { momentum: 0.9 }, nesterov: { momentum: 0.9 }, adagrad: { eps: 1e-10 },
  rmsprop: { rho: 0.9, eps: 1e-8 }, adam: { beta1: 0.9, beta2: 0.999, eps: 1e-8 },
};

// the activations whose units die (no gradient, or a sliver, for z < 0)
const DYING = ["relu", "leaky_relu"];

// loss → the output unit it goes with
export const HEADS = { bce: "sigmoid", mse: "sigmoid", cross_entropy: "softmax" };

export class Network {
  // sizes [n_in, …, n_out]; activations: one name per hidden layer; loss: bce, mse or
  // cross_entropy; params: nnbook's layout (per layer, per unit: its weights, then its bias)
  // cross_entropy; output: the loss's unit (HEADS) unless given ("identity" for regression)
  constructor({ sizes, activations, loss, params, dropout = 0, output = HEADS[loss] }) {
    this.sizes = sizes;
    this.L = sizes.length - 1;
    this.loss = loss;
    this.output = output;
    this.softmax = output === "softmax";
    this.actNames = activations;
    this.acts = activations.map((name) => activation(name));
    this.dropout = dropout;
    this.offsets = [];
    let n = 0;
    for (let l = 1; l <= this.L; l++) { this.offsets.push(n); n += sizes[l] * (sizes[l - 1] + 1); }
    if (params.length !== n) throw new Error(`params: expected ${n} numbers, got ${params.length}`);
    this.params = Float64Array.from(params);
    this.isWeight = new Uint8Array(n);
    for (let l = 1; l <= this.L; l++) {
      for (let j = 0, p = this.offsets[l - 1]; j < sizes[l]; j++, p += sizes[l - 1] + 1) this.isWeight.fill(1, p, p + sizes[l - 1]);
    }
    this.z = sizes.map((k) => new Float64Array(k));
    this.a = sizes.map((k) => new Float64Array(k));
    this.delta = sizes.map((k) => new Float64Array(k));
    this.mask = sizes.map((k) => new Float64Array(k).fill(1));
  }

  get nParams() { return this.params.length; }

  // z⁽ˡ⁾ = W⁽ˡ⁾a⁽ˡ⁻¹⁾ + b⁽ˡ⁾, a⁽ˡ⁾ = f_l(z⁽ˡ⁾) (⊙ the dropout mask when `masked`); a⁽ᴸ⁾ = σ or softmax
  forward(x, row = 0, masked = false) {
    const { sizes, params, z, a, L } = this;
    for (let i = 0; i < sizes[0]; i++) a[0][i] = x[row * sizes[0] + i];
    for (let l = 1; l <= L; l++) {
      const nIn = sizes[l - 1], prev = a[l - 1], zl = z[l], al = a[l];
      let p = this.offsets[l - 1];
      for (let j = 0; j < sizes[l]; j++) {
        let s = 0;
        for (let i = 0; i < nIn; i++) s += params[p + i] * prev[i];
        zl[j] = s + params[p + nIn];
        p += nIn + 1;
      }
      if (l < L) {
        const f = this.acts[l - 1].f, m = this.mask[l];
        for (let j = 0; j < sizes[l]; j++) al[j] = masked ? f(zl[j]) * m[j] : f(zl[j]);
      } else if (this.softmax) {
        let top = -Infinity, sum = 0;
        for (let j = 0; j < sizes[L]; j++) top = Math.max(top, zl[j]);
        for (let j = 0; j < sizes[L]; j++) { al[j] = Math.exp(zl[j] - top); sum += al[j]; }
        for (let j = 0; j < sizes[L]; j++) al[j] /= sum;
      } else {
        al[0] = this.output === "identity" ? zl[0] : sigmoid(zl[0]);
      }
    }
    return a[L];
  }

  // new masks m = (u ≥ p)/(1 − p) for one sample, from `rng` (nnbook.regularization.dropout_mask)
  drawMasks(rng, row, rows) {
    const p = this.dropout, keep = 1 / (1 - p);
    for (let l = 1; l < this.L; l++) {
      const m = this.mask[l], n = this.sizes[l];
      for (let j = 0; j < n; j++) m[j] = rows[l][row * n + j] >= p ? keep : 0;
    }
  }

  // the batch's uniforms for each hidden layer, drawn as nnbook draws them: layer by layer,
  // the whole (batch, units) array of a layer at once
  drawUniforms(rng, batch) {
    const rows = [null];
    for (let l = 1; l < this.L; l++) {
      const u = new Float64Array(batch * this.sizes[l]);
      for (let k = 0; k < u.length; k++) u[k] = random(rng);
      rows.push(u);
    }
    return rows;
  }

  // δ⁽ᴸ⁾ = ∂L/∂z⁽ᴸ⁾ of the batch-mean loss for target class c: (a − y)/n for the paired heads,
  // a(1 − a)·(a − y)/n for the sigmoid with the quadratic cost (nnbook.heads)
  outputDelta(c, invN, n) {
    const { a, delta, L, sizes } = this, out = a[L];
    if (this.softmax) {
      for (let j = 0; j < sizes[L]; j++) delta[L][j] = invN === 1 ? out[j] - (j === c ? 1 : 0) : (out[j] - (j === c ? 1 : 0)) * invN;
    } else if (this.loss === "bce" || this.output === "identity") {        // the residual: paired, or mse on z
      delta[L][0] = invN === 1 ? out[0] - c : (out[0] - c) * invN;
    } else {
      delta[L][0] = (out[0] * (1 - out[0])) * ((out[0] - c) / n);
    }
  }

  // backpropagation of δ⁽ᴸ⁾, the gradient of one sample added to `grad`
  backward(grad, masked) {
    const { sizes, params, z, a, delta, L } = this;
    for (let l = L - 1; l >= 1; l--) {  // δ⁽ˡ⁾ = f′(z⁽ˡ⁾) ⊙ m⁽ˡ⁾ ⊙ W⁽ˡ⁺¹⁾ᵀδ⁽ˡ⁺¹⁾
      const nOut = sizes[l + 1], stride = sizes[l] + 1, base = this.offsets[l], df = this.acts[l - 1].df;
      for (let i = 0; i < sizes[l]; i++) {
        let s = 0;
        for (let j = 0; j < nOut; j++) s += delta[l + 1][j] * params[base + j * stride + i];
        if (masked) s *= this.mask[l][i];
        delta[l][i] = df(z[l][i]) * s;
      }
    }
    for (let l = 1; l <= L; l++) {      // ∂L/∂W⁽ˡ⁾ = δ⁽ˡ⁾a⁽ˡ⁻¹⁾ᵀ, ∂L/∂b⁽ˡ⁾ = δ⁽ˡ⁾
      const nIn = sizes[l - 1];
      let p = this.offsets[l - 1];
      for (let j = 0; j < sizes[l]; j++) {
        const d = delta[l][j];
        for (let i = 0; i < nIn; i++) grad[p + i] += d * a[l - 1][i];
        grad[p + nIn] += d;
        p += nIn + 1;
      }
    }
  }

  // the head's loss of one sample of class c (nnbook.losses: bce from the logit, ½(a − y)², −log softmax)
  sampleLoss(c) {
    const { z, a, L } = this;
    if (this.softmax) {
      let top = -Infinity, sum = 0;
      for (const v of z[L]) top = Math.max(top, v);
      for (const v of z[L]) sum += Math.exp(v - top);
      return -(z[L][c] - top - Math.log(sum));
    }
    if (this.loss === "bce") return softplus(z[L][0]) - c * z[L][0];
    const r = a[L][0] - c;
    return 0.5 * (r * r);
  }

  // the class the head reads: p > 0.5, or the first largest probability (NaN: no classes)
  label() {
    if (this.output === "identity") return NaN;
    const out = this.a[this.L];
    if (!this.softmax) return out[0] > 0.5 ? 1 : 0;
    let best = 0;
    for (let j = 1; j < out.length; j++) if (out[j] > out[best]) best = j;
    return best;
  }

  // mean loss and accuracy over the rows of X (evaluation mode: no dropout)
  measure(X, y) {
    let loss = 0, right = 0;
    for (let r = 0; r < y.length; r++) {
      this.forward(X, r);
      loss += this.sampleLoss(y[r]);
      if (this.label() === y[r]) right += 1;
    }
    return [loss / y.length, this.output === "identity" ? NaN : right / y.length];
  }

  // per hidden layer and unit, whether it is dead: a ReLU-type unit whose net input is
  // negative on every row of X (it outputs 0 or a sliver and passes almost no gradient)
  deadUnits(X, n) {
    const alive = this.sizes.slice(1, this.L).map((k) => new Uint8Array(k));
    for (let r = 0; r < n; r++) {
      this.forward(X, r);
      for (let l = 1; l < this.L; l++) for (let j = 0; j < this.sizes[l]; j++) if (this.z[l][j] >= 0) alive[l - 1][j] = 1;
    }
    return alive.map((units, l) => Array.from(units, (u) => u === 0 && DYING.includes(this.actNames[l])));
  }
}

// Minibatch training over epochs, as nnbook.train.Trainer: each epoch a permutation from the
// shuffle generator `order`, batches of `batchSize` (the last one smaller), one optimizer
// step per batch on the batch-mean loss plus the penalty; loss and accuracy measured on the
// training and test sets at epoch 0 and after every epoch.  `dropoutRng`: the network's
// generator (a PCG64 that drew the initial weights and carries on).
export class BatchTrainer {
  constructor({ sizes, activations, loss, params, X, y, Xtest, ytest, lr, optimizer: name = "sgd", batchSize = 1,
                l1 = 0, l2 = 0, dropout = 0, order, dropoutRng = null, output = undefined }) {
    this.net = new Network({ sizes, activations, loss, params, dropout, output });
    Object.assign(this, { X, y, Xtest, ytest, lr, l1, l2 });
    this.n = y.length;
    this.batchSize = Math.max(1, Math.min(batchSize, this.n));
    this.opt = optimizer(name, { lr, ...OPTIMIZER_DEFAULTS[name] }, this.net.nParams);
    this.rng = new PCG64(order);
    this.dropRng = dropout > 0 ? dropoutRng : null;
    this.grad = new Float64Array(this.net.nParams);
    this.epoch = 0;
    this.steps = 0;
    this.pos = this.n;
    this.diverged = false;
    this.divergedAt = -1;
    this.history = { train_loss: [], train_acc: [], val_loss: [], val_acc: [] };
    this.record();
  }

  record() {
    const [tl, ta] = this.net.measure(this.X, this.y);
    const [vl, va] = this.ytest.length ? this.net.measure(this.Xtest, this.ytest) : [NaN, NaN];
    if (!this.diverged && (!Number.isFinite(tl) || !this.net.params.every(Number.isFinite))) {
      this.diverged = true;
      this.divergedAt = this.epoch;
    }
    const h = this.history;
    h.train_loss.push(tl); h.train_acc.push(ta); h.val_loss.push(vl); h.val_acc.push(va);
  }

  // one optimizer step on the samples order[s … e−1]
  batchStep(s, e) {
    const net = this.net, grad = this.grad, params = net.params, n = e - s, invN = n > 1 ? 1 / n : 1;
    const masked = this.dropRng !== null;
    const rows = masked ? net.drawUniforms(this.dropRng, n) : null;
    grad.fill(0);
    for (let b = 0; b < n; b++) {
      const i = this.order[s + b];
      if (masked) net.drawMasks(this.dropRng, b, rows);
      net.forward(this.X, i, masked);
      net.outputDelta(this.y[i], invN, n);
      net.backward(grad, masked);
    }
    const { l1, l2 } = this, w = net.isWeight;
    if (l2 > 0) for (let k = 0; k < grad.length; k++) grad[k] += (w[k] ? l2 : 0) * params[k];
    if (l1 > 0) for (let k = 0; k < grad.length; k++) grad[k] += (w[k] ? l1 : 0) * Math.sign(params[k]);
    this.opt.step(params, grad);
    this.steps += 1;
  }

  // up to `batches` more steps, never past `lastEpoch`; returns the steps taken
  run(batches, lastEpoch = Infinity) {
    let taken = 0;
    while (taken < batches && !this.diverged && !(this.pos >= this.n && this.epoch >= lastEpoch)) {
      if (this.pos >= this.n) {
        this.order = this.rng.permutation(this.n);
        this.pos = 0;
      }
      const e = Math.min(this.n, this.pos + this.batchSize);
      this.batchStep(this.pos, e);
      this.pos = e;
      taken += 1;
      if (!this.net.params.every(Number.isFinite)) {      // mid-epoch: stop now, say where
        this.diverged = true;
        this.divergedAt = this.epoch + 1;
      }
      if (this.pos >= this.n && !this.diverged) {
        this.epoch += 1;
        this.record();
      }
    }
    return taken;
  }
}

// The two-moons lab's run (chapter 2): per-sample SGD on binary cross-entropy with one hidden
// activation, a BatchTrainer with batch size 1 that also keeps the parameters of every epoch
// (the weight panel) and says whether the run is learning (nnbook.history's rule).
export class Trainer extends BatchTrainer {
  constructor({ sizes, hidden, params, X, y, Xtest, ytest, lr, order }) {
    super({ sizes, activations: new Array(sizes.length - 2).fill(hidden), loss: "bce", params, X, y, Xtest, ytest, lr,
            optimizer: "sgd", batchSize: 1, order });
    this.chance = Math.max(...[0, 1].map((c) => y.filter((v) => v === c).length)) / this.n;
  }

  record() {
    super.record();
    (this.history.params ||= []).push(Float64Array.from(this.net.params));
  }

  // "learning", or why not: diverged, loss rose past RISE × its start, or accuracy at chance
  verdict() {
    const h = this.history, e = this.epoch;
    if (this.diverged) {
      const finite = h.train_loss.filter(Number.isFinite);
      return `diverged at epoch ${this.divergedAt}` + (finite.length ? ` (last finite loss ${finite[finite.length - 1].toPrecision(4)})` : "");
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
