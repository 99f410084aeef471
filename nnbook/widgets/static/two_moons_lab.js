// nnbook/widgets/js/activations.js
function sigmoid(z) {
  const e = Math.exp(-Math.abs(z));
  return z >= 0 ? 1 / (1 + e) : e / (1 + e);
}
function dSigmoid(z) {
  const e = Math.exp(-Math.abs(z));
  return e / ((1 + e) * (1 + e));
}
function softplus(z) {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}
function erfc(x) {
  if (x < 0) return 2 - erfc(-x);
  if (x < 2.5) {
    let term = x, sum = x;
    for (let n = 1; n < 200 && term > 1e-17 * sum; n++) {
      term *= 2 * x * x / (2 * n + 1);
      sum += term;
    }
    return 1 - 2 / Math.sqrt(Math.PI) * Math.exp(-x * x) * sum;
  }
  if (x > 27) return 0;
  let f = x;
  for (let k = 60; k >= 1; k--) f = x + k / 2 / f;
  return Math.exp(-x * x) / (Math.sqrt(Math.PI) * f);
}
function normalCdf(z) {
  return 0.5 * erfc(-z / Math.SQRT2);
}
var clip = (v, lo, hi) => Math.min(Math.max(v, lo), hi);
var ACTIVATIONS = {
  identity: [(z) => z, () => 1, null],
  step: [(z) => z >= 0 ? 1 : 0, () => 0, null],
  sigmoid: [sigmoid, dSigmoid, null],
  tanh: [Math.tanh, (z) => {
    const t = Math.tanh(z);
    return 1 - t * t;
  }, null],
  hard_sigmoid: [(z) => clip(0.25 * z + 0.5, 0, 1), (z) => z > -2 && z < 2 ? 0.25 : 0, null],
  hard_tanh: [(z) => clip(z, -1, 1), (z) => z > -1 && z < 1 ? 1 : 0, null],
  relu: [(z) => Math.max(z, 0), (z) => z >= 0 ? 1 : 0, null],
  leaky_relu: [(z, p) => z >= 0 ? z : p * z, (z, p) => z >= 0 ? 1 : p, "slope", 0.01],
  prelu: [(z, p) => z >= 0 ? z : p * z, (z, p) => z >= 0 ? 1 : p, "a", 0.25],
  softplus: [softplus, sigmoid, null],
  elu: [
    (z, p) => z >= 0 ? z : p * Math.expm1(Math.min(z, 0)),
    (z, p) => z >= 0 ? 1 : p * Math.exp(Math.min(z, 0)),
    "alpha",
    1
  ],
  swish: [(z, p) => z * sigmoid(p * z), (z, p) => sigmoid(p * z) + p * z * dSigmoid(p * z), "beta", 1],
  gelu: [
    (z) => z * normalCdf(z),
    (z) => {
      const c = clip(z, -40, 40);
      return normalCdf(z) + z * Math.exp(-0.5 * c * c) / Math.sqrt(2 * Math.PI);
    },
    null
  ]
};
function activation(name, p) {
  const entry = ACTIVATIONS[name];
  if (!entry) throw new Error(`unknown activation ${name}`);
  const [f, df, param, fallback] = entry;
  const value = param === null ? void 0 : p === void 0 || p === null ? fallback : p;
  return { f: (z) => f(z, value), df: (z) => df(z, value), param, value };
}

// nnbook/widgets/js/pcg64.js
var MASK64 = (1n << 64n) - 1n;
var MASK128 = (1n << 128n) - 1n;
var MULTIPLIER = 0x2360ED051FC65DA44385DF649FCCF645n;
var PCG64 = class {
  // state: {state: {state, inc}, has_uint32, uinteger} with the big numbers as decimal strings
  constructor(state) {
    this.state = BigInt(state.state.state);
    this.inc = BigInt(state.state.inc);
    this.hasUint32 = Boolean(state.has_uint32);
    this.uinteger = Number(state.uinteger);
  }
  next64() {
    this.state = this.state * MULTIPLIER + this.inc & MASK128;
    const xored = (this.state >> 64n ^ this.state) & MASK64;
    const rot = this.state >> 122n;
    return (xored >> rot | xored << (64n - rot & 63n)) & MASK64;
  }
  next32() {
    if (this.hasUint32) {
      this.hasUint32 = false;
      return this.uinteger;
    }
    const next = this.next64();
    this.hasUint32 = true;
    this.uinteger = Number(next >> 32n);
    return Number(next & 0xffffffffn);
  }
  // random_interval(max) of numpy's distributions.c: uniform in 0 … max by masked rejection
  interval(max) {
    if (max === 0) return 0;
    let mask = max;
    for (const s of [1, 2, 4, 8, 16]) mask |= mask >>> s;
    let value;
    do
      value = (this.next32() & mask) >>> 0;
    while (value > max);
    return value;
  }
  // Generator.permutation(n): arange(n) shuffled by Fisher–Yates from the last element down
  permutation(n) {
    if (n > 4294967295) throw new Error("permutation: n too large");
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    for (let i = n - 1; i >= 1; i--) {
      const j = this.interval(i);
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }
};
function random(rng) {
  return Number(rng.next64() >> 11n) * (1 / 9007199254740992);
}

// nnbook/widgets/js/optimizers.js
function optimizer(name, h, n = 2) {
  const v = new Float64Array(n), s = new Float64Array(n);
  let t = 0;
  const eta = h.lr;
  const steps = {
    sgd(w, g) {
      for (let i = 0; i < n; i++) w[i] = w[i] - g[i] * eta;
    },
    momentum(w, g) {
      for (let i = 0; i < n; i++) {
        v[i] = v[i] * h.momentum;
        v[i] = v[i] - g[i] * eta;
        w[i] = w[i] + v[i];
      }
    },
    nesterov(w, g) {
      for (let i = 0; i < n; i++) {
        const gEta = g[i] * eta;
        v[i] = v[i] * h.momentum;
        v[i] = v[i] - gEta;
        w[i] = w[i] + (v[i] * h.momentum - gEta);
      }
    },
    adagrad(w, g) {
      for (let i = 0; i < n; i++) {
        s[i] = s[i] + g[i] * g[i];
        w[i] = w[i] - g[i] / (Math.sqrt(s[i]) + h.eps) * eta;
      }
    },
    rmsprop(w, g) {
      for (let i = 0; i < n; i++) {
        const sq = g[i] * g[i] * (1 - h.rho);
        s[i] = s[i] * h.rho;
        s[i] = s[i] + sq;
        w[i] = w[i] - g[i] / (Math.sqrt(s[i]) + h.eps) * eta;
      }
    },
    adam(w, g) {
      const c1 = 1 / (1 - h.beta1 ** t), c2 = 1 / Math.sqrt(1 - h.beta2 ** t);
      for (let i = 0; i < n; i++) {
        v[i] = v[i] * h.beta1;
        v[i] = v[i] + g[i] * (1 - h.beta1);
        s[i] = s[i] * h.beta2;
        s[i] = s[i] + g[i] * g[i] * (1 - h.beta2);
        w[i] = w[i] - v[i] / (Math.sqrt(s[i]) * c2 + h.eps) * eta * c1;
      }
    }
  };
  const update = steps[name];
  if (!update) throw new Error(`unknown optimizer ${name}`);
  return { step(w, g) {
    t += 1;
    update(w, g);
  } };
}

// nnbook/widgets/js/mlp.js
var RISE = 2;
var CHANCE_MARGIN = 0.02;
var CHANCE_EPOCHS = 3;
var OPTIMIZER_DEFAULTS = {
  sgd: {},
  momentum: { momentum: 0.9 },
  nesterov: { momentum: 0.9 },
  adagrad: { eps: 1e-10 },
  rmsprop: { rho: 0.9, eps: 1e-8 },
  adam: { beta1: 0.9, beta2: 0.999, eps: 1e-8 }
};
var DYING = ["relu", "leaky_relu"];
var HEADS = { bce: "sigmoid", mse: "sigmoid", cross_entropy: "softmax" };
var Network = class {
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
    for (let l = 1; l <= this.L; l++) {
      this.offsets.push(n);
      n += sizes[l] * (sizes[l - 1] + 1);
    }
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
  get nParams() {
    return this.params.length;
  }
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
        for (let j = 0; j < sizes[L]; j++) {
          al[j] = Math.exp(zl[j] - top);
          sum += al[j];
        }
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
    } else if (this.loss === "bce" || this.output === "identity") {
      delta[L][0] = invN === 1 ? out[0] - c : (out[0] - c) * invN;
    } else {
      delta[L][0] = out[0] * (1 - out[0]) * ((out[0] - c) / n);
    }
  }
  // backpropagation of δ⁽ᴸ⁾, the gradient of one sample added to `grad`
  backward(grad, masked) {
    const { sizes, params, z, a, delta, L } = this;
    for (let l = L - 1; l >= 1; l--) {
      const nOut = sizes[l + 1], stride = sizes[l] + 1, base = this.offsets[l], df = this.acts[l - 1].df;
      for (let i = 0; i < sizes[l]; i++) {
        let s = 0;
        for (let j = 0; j < nOut; j++) s += delta[l + 1][j] * params[base + j * stride + i];
        if (masked) s *= this.mask[l][i];
        delta[l][i] = df(z[l][i]) * s;
      }
    }
    for (let l = 1; l <= L; l++) {
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
};
var BatchTrainer = class {
  constructor({
    sizes,
    activations,
    loss,
    params,
    X,
    y,
    Xtest,
    ytest,
    lr,
    optimizer: name = "sgd",
    batchSize = 1,
    l1 = 0,
    l2 = 0,
    dropout = 0,
    order,
    dropoutRng = null,
    output = void 0
  }) {
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
    h.train_loss.push(tl);
    h.train_acc.push(ta);
    h.val_loss.push(vl);
    h.val_acc.push(va);
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
      if (!this.net.params.every(Number.isFinite)) {
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
};
var Trainer = class extends BatchTrainer {
  constructor({ sizes, hidden, params, X, y, Xtest, ytest, lr, order }) {
    super({
      sizes,
      activations: new Array(sizes.length - 2).fill(hidden),
      loss: "bce",
      params,
      X,
      y,
      Xtest,
      ytest,
      lr,
      optimizer: "sgd",
      batchSize: 1,
      order
    });
    this.chance = Math.max(...[0, 1].map((c) => y.filter((v) => v === c).length)) / this.n;
  }
  record() {
    var _a;
    super.record();
    ((_a = this.history).params || (_a.params = [])).push(Float64Array.from(this.net.params));
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
};

// nnbook/widgets/js/draw.js
var FALLBACK_STYLE = {
  colors: ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd"],
  classes: ["#1f77b4", "#d62728"],
  cmap: null,
  font: 12
};
function hexToRgb(hex) {
  const v = parseInt(hex.slice(1), 16);
  return [v >> 16 & 255, v >> 8 & 255, v & 255];
}
function floats(view) {
  if (view instanceof Float64Array) return view;
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  return new Float64Array(bytes.slice().buffer);
}
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "style") Object.assign(node.style, value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  node.append(...children);
  return node;
}
var uid = 0;
function slider({ label, min, max, step, value, format = (v) => v.toFixed(2), log = false, oninput }) {
  const id = `nnbook-control-${++uid}`;
  const toPos = (v) => log ? Math.log10(v) : v;
  const fromPos = (p) => log ? 10 ** p : p;
  const input = el("input", {
    type: "range",
    id,
    min: toPos(min),
    max: toPos(max),
    step,
    value: toPos(value),
    class: "nnbook-slider"
  });
  const readout = el("output", { for: id, class: "nnbook-readout" }, format(value));
  const row = el("div", { class: "nnbook-row" }, el("label", { for: id }, label), input, readout);
  const control = {
    row,
    input,
    get value() {
      return fromPos(Number(input.value));
    },
    set(v) {
      input.value = toPos(v);
      readout.textContent = format(v);
    },
    setRange(lo, hi, st) {
      input.min = toPos(lo);
      input.max = toPos(hi);
      if (st !== void 0) input.step = st;
    }
  };
  input.addEventListener("input", () => {
    readout.textContent = format(control.value);
    oninput(control.value);
  });
  return control;
}
function select({ label, options, value, onchange }) {
  const id = `nnbook-control-${++uid}`;
  const input = el("select", { id }, ...options.map(([v, text]) => el("option", { value: v }, text)));
  input.value = value;
  input.addEventListener("change", () => onchange(input.value));
  return { row: el("div", { class: "nnbook-row" }, el("label", { for: id }, label), input), input };
}
function button(label, onclick, title = label) {
  return el("button", { type: "button", class: "nnbook-button", "aria-label": title, title, onclick }, label);
}
var CSS = `
.nnbook-widget { font: 13px/1.35 system-ui, -apple-system, "Segoe UI", sans-serif; color: #222; max-width: 100%; }
.nnbook-widget .nnbook-controls { display: flex; flex-wrap: wrap; gap: 4px 18px; margin: 4px 0 6px; }
.nnbook-widget .nnbook-row { display: flex; align-items: center; gap: 6px; min-width: 0; flex: 1 1 260px; max-width: 380px; }
.nnbook-widget .nnbook-row label { flex: 0 0 64px; }
.nnbook-widget .nnbook-slider { flex: 1 1 150px; min-width: 150px; }
.nnbook-widget .nnbook-readout { flex: 0 0 52px; font-variant-numeric: tabular-nums; }
.nnbook-widget select { flex: 1 1 150px; min-width: 0; font: inherit; }
.nnbook-widget .nnbook-buttons { display: flex; flex-wrap: wrap; gap: 6px; }
.nnbook-widget .nnbook-button { font: inherit; padding: 3px 10px; min-width: 44px; min-height: 30px; cursor: pointer; }
.nnbook-widget .nnbook-button:disabled { cursor: default; opacity: 0.5; }
.nnbook-widget .nnbook-status { margin: 4px 0; font-variant-numeric: tabular-nums; }
.nnbook-widget .nnbook-message { margin: 4px 0; min-height: 1.35em; }
.nnbook-widget .nnbook-message.error { color: #b00020; }
.nnbook-widget .nnbook-message.warning { color: #8a5300; }
.nnbook-widget .nnbook-message.note { color: #1f4e79; }
.nnbook-widget canvas { display: block; width: 100%; max-width: 640px; height: auto; touch-action: pan-y; }
.nnbook-widget .nnbook-panels { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 8px; }
`;
function root(kind) {
  const node = el("div", { class: `nnbook-widget ${kind}`, "data-lm-suppress-shortcuts": "true" }, el("style", {}, CSS));
  for (const type of ["keydown", "keyup", "keypress", "focusin", "focusout"]) node.addEventListener(type, (e) => e.stopPropagation());
  return node;
}
function message(node, text, kind = "warning") {
  node.className = `nnbook-message ${text ? kind : ""}`;
  node.textContent = text ? `${kind}: ${text}` : "";
}
function canvas(width, height, label) {
  const node = el("canvas", { role: "img", "aria-label": label });
  const ratio = Math.min(globalThis.devicePixelRatio || 1, 2);
  node.width = Math.round(width * ratio);
  node.height = Math.round(height * ratio);
  const ctx = node.getContext("2d");
  ctx.scale(ratio, ratio);
  return { node, ctx, width, height };
}
var nice = (span) => {
  const raw = span / 5, mag = 10 ** Math.floor(Math.log10(raw)), r = raw / mag;
  return (r < 1.5 ? 1 : r < 3.5 ? 2 : r < 7.5 ? 5 : 10) * mag;
};
function tickLabel(v, step) {
  const digits = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return (Math.abs(v) < step / 1e6 ? 0 : v).toFixed(digits).replace("-", "−");
}
var Panel = class {
  constructor(surface, box, style) {
    Object.assign(this, { surface, ctx: surface.ctx, style });
    [this.left, this.top, this.width, this.height] = box;
    this.xlim = [0, 1];
    this.ylim = [0, 1];
  }
  px(x) {
    return this.left + (x - this.xlim[0]) / (this.xlim[1] - this.xlim[0]) * this.width;
  }
  py(y) {
    return this.top + this.height - (y - this.ylim[0]) / (this.ylim[1] - this.ylim[0]) * this.height;
  }
  clear() {
    const { ctx } = this;
    ctx.clearRect(this.left - 46, this.top - 30, this.width + 52, this.height + 58);
  }
  // axes, grid and titles; `xticks` ([value, label] pairs) replaces the numeric x ticks
  frame({ title = "", xlabel = "", ylabel = "", xticks = null } = {}) {
    const { ctx, style } = this;
    ctx.save();
    ctx.font = `${style.font - 1}px system-ui, sans-serif`;
    ctx.fillStyle = "#444";
    ctx.strokeStyle = "rgba(0, 0, 0, 0.12)";
    ctx.lineWidth = 1;
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    for (const [v, label] of xticks || []) ctx.fillText(label, this.px(v), this.top + this.height + 3);
    for (const [axis, lim] of xticks ? [["y", this.ylim]] : [["x", this.xlim], ["y", this.ylim]]) {
      const step = nice(lim[1] - lim[0]);
      for (let v = Math.ceil(lim[0] / step) * step; v <= lim[1] + step * 1e-9; v += step) {
        ctx.beginPath();
        if (axis === "x") {
          const x = this.px(v);
          ctx.moveTo(x, this.top);
          ctx.lineTo(x, this.top + this.height);
          ctx.textAlign = "center";
          ctx.textBaseline = "top";
          ctx.fillText(tickLabel(v, step), x, this.top + this.height + 3);
        } else {
          const y = this.py(v);
          ctx.moveTo(this.left, y);
          ctx.lineTo(this.left + this.width, y);
          ctx.textAlign = "right";
          ctx.textBaseline = "middle";
          ctx.fillText(tickLabel(v, step), this.left - 4, y);
        }
        ctx.stroke();
      }
    }
    ctx.strokeStyle = "#888";
    ctx.strokeRect(this.left, this.top, this.width, this.height);
    ctx.textAlign = "center";
    ctx.textBaseline = "bottom";
    ctx.fillStyle = "#222";
    title.split("\n").forEach((line, i, all) => ctx.fillText(line, this.left + this.width / 2, this.top - 4 - (all.length - 1 - i) * (style.font + 1)));
    ctx.textBaseline = "top";
    if (xlabel) ctx.fillText(xlabel, this.left + this.width / 2, this.top + this.height + 16);
    if (ylabel) {
      ctx.translate(this.left - 36, this.top + this.height / 2);
      ctx.rotate(-Math.PI / 2);
      ctx.fillText(ylabel, 0, 0);
    }
    ctx.restore();
  }
  clip(draw) {
    const { ctx } = this;
    ctx.save();
    ctx.beginPath();
    ctx.rect(this.left, this.top, this.width, this.height);
    ctx.clip();
    draw(ctx);
    ctx.restore();
  }
  line(xs, ys, color, { width = 2, dash = [] } = {}) {
    this.clip((ctx) => {
      ctx.strokeStyle = color;
      ctx.lineWidth = width;
      ctx.setLineDash(dash);
      ctx.beginPath();
      let pen = false;
      for (let i = 0; i < xs.length; i++) {
        if (!Number.isFinite(ys[i])) {
          pen = false;
          continue;
        }
        const x = Math.max(-1e4, Math.min(1e4, this.px(xs[i]))), y = Math.max(-1e4, Math.min(1e4, this.py(ys[i])));
        if (pen) ctx.lineTo(x, y);
        else ctx.moveTo(x, y);
        pen = true;
      }
      ctx.stroke();
      if (xs.length === 1 && Number.isFinite(ys[0])) {
        ctx.fillStyle = color;
        ctx.fillRect(this.px(xs[0]) - width, this.py(ys[0]) - width, 2 * width, 2 * width);
      }
    });
  }
  // shade the x-intervals where mask[i] holds (full height), e.g. where a unit saturates
  band(xs, mask, color) {
    this.clip((ctx) => {
      ctx.fillStyle = color;
      const half = xs.length > 1 ? (xs[1] - xs[0]) / 2 : 0;
      for (let i = 0; i < xs.length; i++) {
        if (!mask[i]) continue;
        let j = i;
        while (j + 1 < xs.length && mask[j + 1]) j++;
        const x0 = this.px(xs[i] - (i > 0 ? half : 0)), x1 = this.px(xs[j] + (j < xs.length - 1 ? half : 0));
        ctx.fillRect(x0, this.top, x1 - x0, this.height);
        i = j;
      }
    });
  }
  rect(x0, x1, fraction, color) {
    this.clip((ctx) => {
      ctx.fillStyle = color;
      const h = fraction * this.height;
      ctx.fillRect(this.px(x0), this.top + this.height - h, this.px(x1) - this.px(x0), h);
    });
  }
  vline(x, color, dash = [2, 3]) {
    this.clip((ctx) => {
      ctx.strokeStyle = color;
      ctx.lineWidth = 1;
      ctx.setLineDash(dash);
      ctx.beginPath();
      ctx.moveTo(this.px(x), this.top);
      ctx.lineTo(this.px(x), this.top + this.height);
      ctx.stroke();
    });
  }
  legend(entries, corner = "left") {
    const { ctx, style } = this;
    ctx.save();
    ctx.font = `${style.font - 2}px system-ui, sans-serif`;
    const w = Math.max(...entries.map(([label]) => ctx.measureText(label).width)) + 30;
    const x = corner === "right" ? this.left + this.width - w - 4 : this.left + 4;
    const y = corner === "bottom-left" ? this.top + this.height - entries.length * 13 - 8 : this.top + 4;
    ctx.fillStyle = "rgba(255, 255, 255, 0.85)";
    ctx.fillRect(x, y, w, entries.length * 13 + 4);
    entries.forEach(([label, color, dash = []], i) => {
      ctx.strokeStyle = color;
      ctx.lineWidth = 2;
      ctx.setLineDash(dash);
      ctx.beginPath();
      ctx.moveTo(x + 4, y + 9 + 13 * i);
      ctx.lineTo(x + 22, y + 9 + 13 * i);
      ctx.stroke();
      ctx.fillStyle = "#222";
      ctx.textBaseline = "middle";
      ctx.fillText(label, x + 26, y + 9 + 13 * i);
    });
    ctx.restore();
  }
};

// nnbook/widgets/js/two_moons_lab.js
var GRID = 80;
var SPEEDS = [["1", "1 epoch/s"], ["5", "5 epochs/s"], ["20", "20 epochs/s"], ["0", "as fast as it can"]];
var WORK_MS = 8;
function setup(model) {
  const sizes = model.get("sizes"), n_in = sizes[0];
  const X = floats(model.get("x_train")), y = floats(model.get("y_train"));
  const Xtest = floats(model.get("x_test")), ytest = floats(model.get("y_test"));
  const initParams = floats(model.get("init_params"));
  const P = initParams.length / (model.get("inits").length * model.get("seeds"));
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const A of [X, Xtest]) for (let i = 0; i < A.length; i += n_in) {
    x0 = Math.min(x0, A[i]);
    x1 = Math.max(x1, A[i]);
    y0 = Math.min(y0, A[i + 1]);
    y1 = Math.max(y1, A[i + 1]);
  }
  const pad = 0.1 * Math.max(x1 - x0, y1 - y0);
  return { sizes, X, y, Xtest, ytest, initParams, P, extent: [x0 - pad, x1 + pad, y0 - pad, y1 + pad] };
}
function render({ model, el: host }) {
  const style = { ...FALLBACK_STYLE, ...model.get("book_style") || {} };
  const data = setup(model);
  const inits = model.get("inits"), presets = model.get("presets"), [lrMin, lrMax] = model.get("lr_range");
  const maxEpochs = model.get("max_epochs");
  let trainer = null, playing = false, last = 0, frames = 0, shownEpoch = -1, alert = null;
  const commit = (key, value) => {
    if (model.get(key) !== value) {
      model.set(key, value);
      model.save_changes();
    }
  };
  const root2 = root("nnbook-two-moons-lab");
  const lr = slider({
    label: "η",
    min: lrMin,
    max: lrMax,
    step: 0.01,
    value: model.get("lr"),
    log: true,
    format: (v) => v.toPrecision(2),
    oninput: (v) => commit("lr", v)
  });
  const presetButtons = presets.map((p) => button(
    `η = ${p}`,
    () => commit("lr", p),
    `set η to ${p}`
  ));
  const init = select({
    label: "init",
    options: inits.map((name) => [name, name]),
    value: model.get("init"),
    onchange: (v) => commit("init", v)
  });
  const seed = slider({
    label: "seed",
    min: 0,
    max: model.get("seeds") - 1,
    step: 1,
    value: model.get("seed"),
    format: (v) => String(Math.round(v)),
    oninput: (v) => commit("seed", Math.round(v))
  });
  const budget = slider({
    label: "epochs",
    min: 1,
    max: maxEpochs,
    step: 1,
    value: model.get("epochs"),
    format: (v) => String(Math.round(v)),
    oninput: (v) => commit("epochs", Math.round(v))
  });
  const speed = select({
    label: "speed",
    options: SPEEDS,
    value: String(model.get("speed")),
    onchange: (v) => commit("speed", Number(v))
  });
  const play = button("play", () => playing ? pause() : start(), "play or pause training");
  const step = button("step", () => {
    pause();
    trainer.run(Infinity, trainer.epoch + 1);
    sync();
    drawAll();
  }, "train one epoch");
  const reset = button("reset", () => {
    pause();
    restart();
  }, "start again at epoch 0");
  const status = el("div", { class: "nnbook-status", role: "status", "aria-live": "polite" });
  const note = el("div", { class: "nnbook-message" });
  const boundary = canvas(330, 330, "decision boundary over the test points");
  const curves = canvas(330, 350, "parameters, loss and accuracy per epoch");
  root2.append(
    el(
      "div",
      { class: "nnbook-controls" },
      lr.row,
      el("div", { class: "nnbook-buttons" }, ...presetButtons),
      init.row,
      seed.row,
      budget.row,
      speed.row,
      el("div", { class: "nnbook-buttons" }, play, step, reset)
    ),
    status,
    note,
    el("div", { class: "nnbook-panels" }, boundary.node, curves.node)
  );
  host.append(root2);
  const bPanel = new Panel(boundary, [46, 28, 272, 262], style);
  const wPanel = new Panel(curves, [46, 22, 272, 84], style);
  const lPanel = new Panel(curves, [46, 142, 272, 70], style);
  const aPanel = new Panel(curves, [46, 248, 272, 70], style);
  bPanel.xlim = data.extent.slice(0, 2);
  bPanel.ylim = data.extent.slice(2);
  const image = new ImageData(GRID, GRID), offscreen = document.createElement("canvas");
  offscreen.width = offscreen.height = GRID;
  const cmap = (style.cmap || []).map(hexToRgb);
  const classRgb = style.classes.map(hexToRgb);
  function restart() {
    const k = inits.indexOf(model.get("init")), s = model.get("seed"), P = data.P;
    const offset = (k * model.get("seeds") + s) * P;
    trainer = new Trainer({
      sizes: data.sizes,
      hidden: model.get("hidden"),
      params: data.initParams.subarray(offset, offset + P),
      X: data.X,
      y: data.y,
      Xtest: data.Xtest,
      ytest: data.ytest,
      lr: model.get("lr"),
      order: model.get("order")
    });
    alert = null;
    shownEpoch = -1;
    sync();
    drawAll();
  }
  function start() {
    if (trainer.diverged) return;
    if (trainer.epoch >= model.get("epochs")) {
      alert = ["note", `the budget of ${model.get("epochs")} epochs is used up: raise 'epochs' or reset`];
      showStatus();
      return;
    }
    playing = true;
    play.textContent = "pause";
    last = performance.now();
    requestAnimationFrame(tick);
  }
  function pause() {
    if (!playing) return;
    playing = false;
    play.textContent = "play";
    sync();
    drawAll();
  }
  function tick(now) {
    if (!playing) return;
    const rate = model.get("speed"), stop = model.get("epochs"), t0 = performance.now();
    const dt = Math.min(now - last, 100);
    last = now;
    if (rate > 0) {
      trainer.run(Math.max(1, Math.round(rate * trainer.n * dt / 1e3)), stop);
    } else {
      do
        trainer.run(256, stop);
      while (performance.now() - t0 < WORK_MS && trainer.epoch < stop && !trainer.diverged);
    }
    const done = trainer.diverged || trainer.epoch >= stop;
    drawBoundary();
    if (trainer.epoch !== shownEpoch || done) drawPanels();
    if (done) pause();
    else requestAnimationFrame(tick);
  }
  function sync() {
    const h = trainer.history;
    model.set("params", new DataView(Float64Array.from(trainer.net.params).buffer));
    model.set("epoch", trainer.epoch);
    model.set("history", { train_loss: h.train_loss, train_acc: h.train_acc, val_loss: h.val_loss, val_acc: h.val_acc });
    model.save_changes();
  }
  function drawAll() {
    drawBoundary();
    drawPanels();
  }
  function drawBoundary() {
    const [x0, x1, y0, y1] = data.extent, net = trainer.net, cell = new Float64Array(2), px = image.data;
    for (let r = 0; r < GRID; r++) {
      cell[1] = y1 - (r + 0.5) / GRID * (y1 - y0);
      for (let c = 0; c < GRID; c++) {
        cell[0] = x0 + (c + 0.5) / GRID * (x1 - x0);
        net.forward(cell);
        const p = net.a[net.L][0], i = 4 * (r * GRID + c);
        const [R, G, B] = cmap.length ? cmap[Math.min(255, Math.max(0, Math.round(p * 255)))] || [255, 255, 255] : [255 * p, 128, 255 * (1 - p)];
        px[i] = 255 + 0.35 * (R - 255);
        px[i + 1] = 255 + 0.35 * (G - 255);
        px[i + 2] = 255 + 0.35 * (B - 255);
        px[i + 3] = 255;
      }
    }
    offscreen.getContext("2d").putImageData(image, 0, 0);
    const ctx = boundary.ctx;
    bPanel.clear();
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(offscreen, bPanel.left, bPanel.top, bPanel.width, bPanel.height);
    bPanel.clip(() => {
      for (let i = 0; i < data.ytest.length; i++) {
        const [R, G, B] = classRgb[data.ytest[i] > 0.5 ? 1 : 0];
        ctx.fillStyle = `rgb(${R}, ${G}, ${B})`;
        ctx.fillRect(bPanel.px(data.Xtest[2 * i]) - 1.5, bPanel.py(data.Xtest[2 * i + 1]) - 1.5, 3, 3);
      }
    });
    bPanel.frame({ title: `decision boundary (test points), epoch ${trainer.epoch}`, xlabel: "x₁", ylabel: "x₂" });
    frames += 1;
    root2.dataset.frames = String(frames);
    root2.dataset.epoch = String(trainer.epoch);
  }
  function drawPanels() {
    const h = trainer.history, E = h.train_loss.length - 1, right = Math.max(model.get("epochs"), E, 1);
    const xs = h.train_loss.map((_, e) => e);
    shownEpoch = trainer.epoch;
    curves.ctx.clearRect(0, 0, curves.width, curves.height);
    const P = data.P;
    let lo = -1, hi = 1;
    for (const p of h.params) for (const v of p) if (Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    wPanel.xlim = [0, right];
    wPanel.ylim = [lo * 1.1, hi * 1.1];
    for (let k = 0; k < P; k++) wPanel.line(xs, h.params.map((p) => p[k]), style.colors[k % style.colors.length], { width: 1 });
    wPanel.frame({ title: `all ${P} parameters` });
    lPanel.xlim = [0, right];
    lPanel.ylim = [0, 1.08 * Math.max(0.8, ...[...h.train_loss, ...h.val_loss].filter(Number.isFinite))];
    lPanel.line(xs, h.train_loss, style.colors[0]);
    lPanel.line(xs, h.val_loss, style.colors[1], { dash: [5, 3] });
    lPanel.frame({ title: "loss (binary cross-entropy)" });
    lPanel.legend([["train", style.colors[0]], ["test", style.colors[1], [5, 3]]], "right");
    aPanel.xlim = [0, right];
    aPanel.ylim = [0.4, 1.02];
    aPanel.line(xs, h.train_acc, style.colors[0]);
    aPanel.line(xs, h.val_acc, style.colors[1], { dash: [5, 3] });
    aPanel.frame({ title: "accuracy", xlabel: "epoch" });
    showStatus();
  }
  function showStatus() {
    const h = trainer.history, e = trainer.epoch, verdict = trainer.verdict();
    let text = `epoch ${e} of ${model.get("epochs")}: train accuracy ${h.train_acc[e].toFixed(3)}, test accuracy ${h.val_acc[e].toFixed(3)}`;
    if (verdict !== "learning") text += ` · ${verdict}`;
    status.textContent = text;
    let shown = alert;
    if (trainer.diverged) shown = ["error", `${verdict}: lower η and press reset`];
    else if (!shown && trainer.net.deadUnits(data.X, data.y.length).at(-1).every(Boolean)) {
      const units = data.sizes[data.sizes.length - 2], layer = data.sizes.length - 2;
      shown = ["note", `all ${units} units of hidden layer ${layer} are dead (negative net input on every training point): no gradient gets through them, so only the output bias still learns`];
    } else if (!shown && model.get("note") && Math.abs(model.get("lr") - model.get("note_lr")) < 1e-12) {
      shown = ["note", model.get("note")];
    }
    message(note, shown ? shown[1] : "", shown ? shown[0] : "");
    const text2 = shown ? shown[1] : "";
    model.set("status", text);
    if (model.get("message") !== text2) model.set("message", text2);
    play.disabled = trainer.diverged;
  }
  for (const key of ["lr", "init", "seed"]) model.on(`change:${key}`, () => {
    lr.set(model.get("lr"));
    init.input.value = model.get("init");
    seed.set(model.get("seed"));
    restart();
  });
  model.on("change:epochs", () => {
    budget.set(model.get("epochs"));
    drawPanels();
  });
  model.on("change:speed", () => {
    speed.input.value = String(model.get("speed"));
  });
  restart();
  return () => {
    playing = false;
  };
}
var two_moons_lab_default = { render };
export {
  two_moons_lab_default as default
};
