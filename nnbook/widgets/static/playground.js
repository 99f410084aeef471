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

// nnbook/widgets/js/playground_data.js
var REGRESSION_SETS = ["plane", "bumps"];
var BUMPS = [[-0.66, 0.42, 1], [0, 0.42, -1], [0.66, 0.42, 1], [-0.66, -0.42, -1], [0, -0.42, 1], [0.66, -0.42, -1]];
var EXTENT = 2;
var uniforms = (rng, n) => Float64Array.from({ length: n }, () => random(rng));
function normals(rng, n) {
  const u = uniforms(rng, 2 * n), out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.sqrt(-2 * Math.log(1 - u[2 * i])) * Math.cos(2 * Math.PI * u[2 * i + 1]);
  return out;
}
function points(kind, n, noise, classes, rng) {
  const X = new Float64Array(2 * n);
  let y = Int32Array.from({ length: n }, (_, i) => i % classes);
  if (kind === "moons") {
    const t = uniforms(rng, n).map((u) => Math.PI * u);
    for (let i = 0; i < n; i++) {
      const c = Math.cos(t[i]), s = Math.sin(t[i]);
      X[2 * i] = (y[i] === 0 ? c : 1 - c) - 0.5;
      X[2 * i + 1] = (y[i] === 0 ? s : 0.5 - s) - 0.25;
    }
  } else if (kind === "circles") {
    const u = uniforms(rng, n), t = uniforms(rng, n).map((v) => 2 * Math.PI * v);
    for (let i = 0; i < n; i++) {
      const r = y[i] === 0 ? 0.7 + 0.3 * u[i] : 0.5 * u[i];
      X[2 * i] = r * Math.cos(t[i]);
      X[2 * i + 1] = r * Math.sin(t[i]);
    }
  } else if (kind === "xor") {
    const u = uniforms(rng, 2 * n);
    for (let k = 0; k < 2 * n; k++) X[k] = -1 + 2 * u[k];
    for (let i = 0; i < n; i++) y[i] = X[2 * i] * X[2 * i + 1] < 0 ? 1 : 0;
  } else if (kind === "spirals") {
    const u = uniforms(rng, n).map((v) => 1 - v);
    for (let i = 0; i < n; i++) {
      const t = 3 * Math.PI * u[i] + 2 * Math.PI * y[i] / classes;
      X[2 * i] = u[i] * Math.cos(t);
      X[2 * i + 1] = u[i] * Math.sin(t);
    }
  } else if (kind === "blobs") {
    const e2 = normals(rng, 2 * n);
    for (let i = 0; i < n; i++) {
      const t = 2 * Math.PI * y[i] / classes + Math.PI / 4;
      X[2 * i] = 0.6 * Math.cos(t) + 0.1 * e2[2 * i];
      X[2 * i + 1] = 0.6 * Math.sin(t) + 0.1 * e2[2 * i + 1];
    }
  } else {
    const u = uniforms(rng, 2 * n);
    for (let k = 0; k < 2 * n; k++) X[k] = -1 + 2 * u[k];
    y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      if (kind === "plane") {
        y[i] = 0.5 * (X[2 * i] + X[2 * i + 1]);
        continue;
      }
      for (const [c1, c2, sign] of BUMPS) {
        const d1 = X[2 * i] - c1, d2 = X[2 * i + 1] - c2;
        y[i] = y[i] + sign * Math.exp(-(d1 * d1 + d2 * d2) / 0.2);
      }
    }
  }
  const e = normals(rng, 2 * n);
  for (let k = 0; k < 2 * n; k++) X[k] = EXTENT * (X[k] + noise * e[k]);
  return { X, y };
}
function playgroundData({ kind, n, noise, classes, trainRatio, state, custom = [] }) {
  const rng = new PCG64(state);
  let X, y;
  if (kind === "custom") {
    X = Float64Array.from(custom.flatMap((p) => [p[0], p[1]]));
    y = Int32Array.from(custom, (p) => p[2]);
  } else {
    ({ X, y } = points(kind, n, noise, classes, rng));
  }
  const m = y.length, order = rng.permutation(m);
  const nTrain = Math.min(Math.max(1, Math.floor(trainRatio * m + 0.5)), m - 1);
  const take = (idx) => ({ X: Float64Array.from(Array.from(idx).flatMap((i) => [X[2 * i], X[2 * i + 1]])), y: y.constructor.from(idx, (i) => y[i]) });
  const train = take(order.subarray(0, nTrain)), test = take(order.subarray(nTrain));
  return { X: train.X, y: train.y, Xtest: test.X, ytest: test.y };
}
var FEATURE_FUNCTIONS = {
  x1: (a) => a,
  x2: (a, b) => b,
  "x1^2": (a) => a * a,
  "x2^2": (a, b) => b * b,
  "x1*x2": (a, b) => a * b,
  "sin(x1)": (a) => Math.sin(a),
  "sin(x2)": (a, b) => Math.sin(b)
};
function features(X, names) {
  const n = X.length / 2, k = names.length, out = new Float64Array(n * k), fs = names.map((f) => FEATURE_FUNCTIONS[f]);
  for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) out[i * k + j] = fs[j](X[2 * i], X[2 * i + 1]);
  return out;
}
var SCHEMES = {
  zeros: () => () => 0,
  constant: () => () => 0.1,
  small_uniform: (rng) => () => 0.01 * random(rng),
  small_normal: (rng) => () => 0.01 * normals(rng, 1)[0],
  normal: (rng) => () => 0.05 * normals(rng, 1)[0],
  large_normal: (rng) => () => normals(rng, 1)[0],
  glorot_uniform: (rng, fi, fo, act) => {
    const r = Math.sqrt((act === "sigmoid" ? 2 : 6) / (fi + fo));
    return () => -r + (r - -r) * random(rng);
  },
  xavier_normal: (rng, fi, fo) => {
    const s = Math.sqrt(2 / (fi + fo));
    return () => s * normals(rng, 1)[0];
  },
  he_normal: (rng, fi) => {
    const s = Math.sqrt(2 / fi);
    return () => s * normals(rng, 1)[0];
  },
  he_uniform: (rng, fi) => {
    const r = Math.sqrt(6 / fi);
    return () => -r + (r - -r) * random(rng);
  },
  lecun_normal: (rng, fi) => {
    const s = Math.sqrt(1 / fi);
    return () => s * normals(rng, 1)[0];
  }
};
var INITS = Object.keys(SCHEMES);
function initialParams(sizes, scheme, activations, rng) {
  const chunks = [];
  for (let l = 1; l < sizes.length; l++) {
    const fi = sizes[l - 1], fo = sizes[l], draw = SCHEMES[scheme](rng, fi, fo, activations[0] || "relu");
    for (let j = 0; j < fo; j++) {
      for (let i = 0; i < fi; i++) chunks.push(draw());
      chunks.push(0);
    }
  }
  return Float64Array.from(chunks);
}
var TWO_CLASS_SETS = ["moons", "circles", "xor"];
var classesOf = (c) => TWO_CLASS_SETS.includes(c.dataset) ? 2 : c.classes;
function makeRun(c, state) {
  const d = playgroundData({
    kind: c.dataset,
    n: c.n,
    noise: c.noise,
    classes: classesOf(c),
    trainRatio: c.train_ratio,
    state,
    custom: c.points
  });
  const regression = REGRESSION_SETS.includes(c.dataset);
  const k = regression ? 1 : c.dataset === "custom" ? Math.max(0, ...d.y, ...d.ytest) + 1 : classesOf(c);
  if (regression && c.loss !== "mse") {
    return { error: `a regression set has real targets, not classes: ${c.loss === "bce" ? "BCE" : "softmax cross-entropy"} needs classes; choose the quadratic cost`, data: d, regression };
  }
  if (c.loss !== "cross_entropy" && k > 2) {
    return { error: `${c.loss === "bce" ? "BCE" : "the quadratic cost"} has one output unit for two classes; ${k} classes need softmax cross-entropy`, data: d };
  }
  const sizes = [c.features.length, ...c.layers, c.loss === "cross_entropy" ? Math.max(2, k) : 1];
  const netRng = new PCG64(state);
  const params = initialParams(sizes, c.init, c.activations, netRng);
  const penalty = c.regularization === "none" ? {} : { [c.regularization]: c.lam };
  const trainer = new BatchTrainer({
    sizes,
    activations: c.activations,
    loss: c.loss,
    params,
    output: regression ? "identity" : void 0,
    X: features(d.X, c.features),
    y: d.y,
    Xtest: features(d.Xtest, c.features),
    ytest: d.ytest,
    lr: c.lr,
    optimizer: c.optimizer,
    batchSize: c.batch_size,
    dropout: c.dropout,
    order: state,
    dropoutRng: netRng,
    ...penalty
  });
  return { trainer, sizes, classes: k, data: d, regression };
}
var py = (v) => typeof v === "string" ? JSON.stringify(v) : Array.isArray(v) ? `[${v.map(py).join(", ")}]` : String(v);
function pythonCode(c, epochs) {
  const k = classesOf(c), out = REGRESSION_SETS.includes(c.dataset) ? "identity" : c.loss === "cross_entropy" ? "softmax" : "sigmoid";
  const points2 = c.dataset === "custom" ? `, points=${py(c.points)}` : "";
  const penalty = c.regularization === "none" ? "" : `, ${c.regularization}=${py(c.lam)}`;
  const nOut = c.loss === "cross_entropy" ? c.dataset === "custom" ? `max(2, int(max(y.max(), y_test.max())) + 1)` : String(Math.max(2, k)) : "1";
  return [
    "# the playground's configuration, trained in numpy with nnbook",
    "import numpy as np",
    "import nnbook",
    "from nnbook.widgets.playground import initial_params",
    "",
    `X, y, X_test, y_test = nnbook.data.playground(${py(c.dataset)}, n=${c.n}, noise=${py(c.noise)}, classes=${k}, train_ratio=${py(c.train_ratio)}, seed=${c.seed}${points2})`,
    `features = ${py(c.features)}`,
    "X, X_test = nnbook.data.features(X, features), nnbook.data.features(X_test, features)",
    "",
    `sizes = [len(features), ${c.layers.map(String).concat([nOut]).join(", ")}]`,
    `activations = ${py(c.activations)}`,
    `rng = np.random.default_rng(${c.seed})       # the initial weights, then the dropout masks`,
    `net = nnbook.MLP(sizes, activations, ${py(out)}, loss=${py(c.loss)}, init="zeros", seed=rng, dropout=${py(c.dropout)})`,
    `net.params = initial_params(sizes, ${py(c.init)}, activations, rng)`,
    "",
    `history = nnbook.train(net, X, y, validation=(X_test, y_test), epochs=${epochs}, batch_size=${c.batch_size}, lr=${py(c.lr)}, optimizer=${py(c.optimizer)}${penalty}, seed=${c.seed})`,
    `print(f"epoch {history.epochs}: train loss {history.train_loss[-1]:.4f}, test loss {history.val_loss[-1]:.4f}, "`,
    `      f"test accuracy {history.val_acc[-1]:.3f}")`,
    ""
  ].join("\n");
}
function toHash(c, defaults) {
  const diff = {};
  for (const key of Object.keys(defaults)) if (JSON.stringify(c[key]) !== JSON.stringify(defaults[key])) diff[key] = c[key];
  return `#playground=${encodeURIComponent(JSON.stringify(diff))}`;
}
function fromHash(hash, defaults) {
  const m = /playground=([^&]*)/.exec(hash || "");
  if (!m) return null;
  let parsed;
  try {
    parsed = JSON.parse(decodeURIComponent(m[1]));
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== "object") return null;
  const out = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (key in defaults && typeof value === typeof defaults[key] && Array.isArray(value) === Array.isArray(defaults[key])) out[key] = value;
  }
  return out;
}

// nnbook/widgets/js/playground.js
var GRID = 48;
var VIEW = 1.75 * EXTENT;
var WORK_MS = 8;
var SPEEDS = [["1", "1 epoch per frame"], ["0", "as fast as it can"]];
var POSITIVE = "#1f77b4";
var NEGATIVE = "#ff7f0e";
var largest = (values) => {
  let m = 1e-12;
  for (const v of values) m = Math.max(m, Math.abs(v));
  return m;
};
var pct = (v) => `${Math.round(100 * v)} %`;
var FEATURE_LABELS = { x1: "x₁", x2: "x₂", "x1^2": "x₁²", "x2^2": "x₂²", "x1*x2": "x₁x₂", "sin(x1)": "sin x₁", "sin(x2)": "sin x₂" };
var NAMED = { he: "He", glorot: "Glorot", xavier: "Xavier", lecun: "LeCun" };
var initLabel = (name) => name.split("_").map((w, i) => i === 0 && NAMED[w] || w).join(" ");
var boxes = 0;
function checkbox(label, checked, onchange) {
  const id = `nnbook-playground-box-${++boxes}`, input = el("input", { type: "checkbox", id });
  input.checked = checked;
  input.addEventListener("change", () => onchange(input.checked));
  return { node: el("span", { class: "nnbook-check" }, input, " ", el("label", { for: id }, label)), input };
}
function sanitize(c, o, defaults) {
  const out = { ...defaults, ...c }, ok = (key, good) => {
    if (!good) out[key] = defaults[key];
  };
  const num = (v, lo, hi) => typeof v === "number" && Number.isFinite(v) && v >= lo && v <= hi;
  ok("dataset", o.sets.includes(out.dataset));
  ok("n", Number.isInteger(out.n) && num(out.n, 4, 2e3));
  ok("noise", num(out.noise, 0, 0.5));
  ok("classes", Number.isInteger(out.classes) && num(out.classes, 2, 4));
  ok("train_ratio", num(out.train_ratio, 0.1, 0.9));
  ok("seed", Number.isInteger(out.seed) && num(out.seed, 0, 99));
  ok("features", Array.isArray(out.features) && out.features.length > 0 && out.features.every((f) => o.features.includes(f)) && new Set(out.features).size === out.features.length);
  ok("layers", Array.isArray(out.layers) && out.layers.length <= o.max_layers && out.layers.every((u) => Number.isInteger(u) && num(u, 1, o.max_units)));
  if (!(Array.isArray(out.activations) && out.activations.length === out.layers.length && out.activations.every((a) => o.activations.includes(a)))) {
    out.activations = out.layers.map(() => "relu");
  }
  ok("init", o.inits.includes(out.init));
  ok("loss", o.losses.includes(out.loss));
  ok("optimizer", o.optimizers.includes(out.optimizer));
  ok("lr", num(out.lr, ...o.lr_range));
  ok("batch_size", Number.isInteger(out.batch_size) && num(out.batch_size, 1, 2e3));
  ok("regularization", ["none", "l1", "l2"].includes(out.regularization));
  ok("lam", num(out.lam, ...o.lam_range));
  ok("dropout", num(out.dropout, 0, 0.9));
  ok("points", Array.isArray(out.points) && out.points.every((p) => Array.isArray(p) && p.length === 3 && num(p[0], -1e6, 1e6) && num(p[1], -1e6, 1e6) && Number.isInteger(p[2]) && num(p[2], 0, 3)));
  if (!out.layers.length) out.dropout = 0;
  return out;
}
function render({ model, el: host }) {
  const style = { ...FALLBACK_STYLE, ...model.get("book_style") || {} };
  const o = model.get("options"), defaults = model.get("defaults"), states = model.get("seed_states");
  const keys = Object.keys(defaults);
  const inLab = () => Boolean(document.querySelector(".jp-LabShell, .jp-NotebookPanel"));
  let run = null, playing = false, frames = 0, shownEpoch = -1, selected = null, customClass = 0, notice = null;
  const config = () => {
    const c = Object.fromEntries(keys.map((k) => [k, model.get(k)]));
    c.activations = c.layers.map((_, l) => c.activations[l] || c.activations.at(-1) || "relu");
    return c;
  };
  const commit = (key, value) => {
    if (JSON.stringify(model.get(key)) === JSON.stringify(value)) return;
    model.set(key, value);
    model.save_changes();
  };
  const commitMany = (values) => {
    for (const [k, v] of Object.entries(values)) model.set(k, v);
    model.save_changes();
  };
  const root2 = root("nnbook-playground");
  const sel = (label, key, options, cast = (v) => v) => select({ label, options, value: String(model.get(key)), onchange: (v) => commit(key, cast(v)) });
  const dataset = sel("data", "dataset", o.sets.map((s) => [s, { moons: "two moons", circles: "circles", xor: "XOR", spirals: "spirals", blobs: "Gaussian blobs", custom: "your points (click the map)", plane: "plane (regression)", bumps: "Gaussian bumps (regression)" }[s]]));
  const classes = slider({ label: "classes", min: 2, max: 4, step: 1, value: model.get("classes"), format: (v) => String(Math.round(v)), oninput: (v) => commit("classes", Math.round(v)) });
  const count = slider({ label: "points", min: 50, max: 1e3, step: 50, value: model.get("n"), format: (v) => String(Math.round(v)), oninput: (v) => commit("n", Math.round(v)) });
  const noise = slider({ label: "noise", min: 0, max: 0.5, step: 0.01, value: model.get("noise"), oninput: (v) => commit("noise", Math.round(v * 100) / 100) });
  const ratio = slider({
    label: "train",
    min: 0.1,
    max: 0.9,
    step: 0.05,
    value: model.get("train_ratio"),
    format: pct,
    oninput: (v) => commit("train_ratio", Math.round(v * 20) / 20)
  });
  const seed = slider({ label: "seed", min: 0, max: states.length - 1, step: 1, value: model.get("seed"), format: (v) => String(Math.round(v)), oninput: (v) => commit("seed", Math.round(v)) });
  const regenerate = button("regenerate", () => commit("seed", (model.get("seed") + 1) % states.length), "new points and new weights: the next seed");
  const classToggle = button("adding class 0", () => {
    customClass = (customClass + 1) % 3;
    classToggle.textContent = `adding class ${customClass}`;
  }, "the class of the points a click adds");
  const clearPoints = button("clear points", () => commit("points", []), "remove your points");
  const featureBoxes = o.features.map((f) => checkbox(FEATURE_LABELS[f], model.get("features").includes(f), (on) => {
    const now = model.get("features"), next = o.features.filter((g) => g === f ? on : now.includes(g));
    if (next.length) commit("features", next);
    else featureBoxes.find((b) => b.f === f).input.checked = true;
  }));
  featureBoxes.forEach((b, i) => {
    b.f = o.features[i];
  });
  const depth = slider({
    label: "hidden layers",
    min: 0,
    max: o.max_layers,
    step: 1,
    value: model.get("layers").length,
    format: (v) => String(Math.round(v)),
    oninput: (v) => {
      const L = Math.round(v), layers = model.get("layers").slice(0, L), acts = model.get("activations").slice(0, L);
      while (layers.length < L) {
        layers.push(layers.at(-1) || 4);
        acts.push(acts.at(-1) || "relu");
      }
      commitMany({ layers, activations: acts, dropout: L ? model.get("dropout") : 0 });
    }
  });
  const layerRows = el("div", { class: "nnbook-controls" });
  const init = sel("init", "init", o.inits.map((s) => [s, initLabel(s)]));
  const loss = sel("loss", "loss", [["bce", "binary cross-entropy"], ["mse", "quadratic (MSE)"], ["cross_entropy", "softmax cross-entropy"]]);
  const opt = sel("optimizer", "optimizer", o.optimizers.map((s) => [s, { sgd: "SGD", momentum: "momentum", nesterov: "Nesterov", adagrad: "AdaGrad", rmsprop: "RMSProp", adam: "Adam" }[s]]));
  const lr = slider({
    label: "η",
    min: o.lr_range[0],
    max: o.lr_range[1],
    step: 0.01,
    log: true,
    value: model.get("lr"),
    format: (v) => v.toPrecision(2),
    oninput: (v) => commit("lr", Number(v.toPrecision(3)))
  });
  const batch = sel("batch", "batch_size", o.batch_sizes.map((b) => [String(b), String(b)]), Number);
  const reg = sel("penalty", "regularization", [["none", "none"], ["l1", "L1"], ["l2", "L2"]]);
  const lam = slider({
    label: "λ",
    min: o.lam_range[0],
    max: o.lam_range[1],
    step: 0.01,
    log: true,
    value: model.get("lam"),
    format: (v) => v.toPrecision(2),
    oninput: (v) => commit("lam", Number(v.toPrecision(3)))
  });
  const dropout = slider({ label: "dropout", min: 0, max: 0.9, step: 0.05, value: model.get("dropout"), oninput: (v) => commit("dropout", Math.round(v * 20) / 20) });
  const speed = select({ label: "speed", options: SPEEDS, value: "1", onchange: () => {
  } });
  const showTest = checkbox("show test points", true, () => drawAll());
  const discrete = checkbox("discretize output", false, () => drawAll());
  const play = button("play", () => playing ? pause() : start(), "play or pause training");
  const step = button("step", () => {
    pause();
    if (run?.trainer) {
      run.trainer.run(Infinity, run.trainer.epoch + 1);
      sync();
      drawAll();
    }
  }, "train one epoch");
  const reset = button("reset", () => {
    pause();
    restart();
  }, "start again at epoch 0");
  const copy = button("copy as Python", () => copyText(pythonCode(config(), run?.trainer ? run.trainer.epoch : 0), "the Python code"), "copy nnbook code that trains this network");
  const link = button("copy link", () => copyText(location.href.split("#")[0] + toHash(config(), defaults), "a link to this configuration"), "copy a link to this configuration");
  const status = el("div", { class: "nnbook-status", role: "status", "aria-live": "polite" });
  const note = el("div", { class: "nnbook-message" });
  const code = el("pre", { class: "nnbook-code", hidden: "" });
  const boundary = canvas(320, 320, "decision boundary over the points; click to add a point to your own set");
  const network = canvas(640, 300, "the network: each unit's output as a small map, the weights as links; click a unit to enlarge it");
  const curves = canvas(320, 220, "training and test loss per epoch");
  const group = (title, ...rows) => el("fieldset", { class: "nnbook-group" }, el("legend", {}, title), ...rows);
  root2.append(
    el("style", {}, `.nnbook-playground fieldset { border: 1px solid #ddd; margin: 0 0 6px; padding: 2px 8px 6px; }
.nnbook-playground .nnbook-check { margin-right: 10px; white-space: nowrap; }
.nnbook-playground .nnbook-code { font-size: 11px; max-height: 14em; overflow: auto; background: #f6f6f6; padding: 6px; white-space: pre; }`),
    group(
      "data",
      el("div", { class: "nnbook-controls" }, dataset.row, noise.row, ratio.row, count.row, seed.row, classes.row),
      el("div", { class: "nnbook-buttons" }, regenerate, classToggle, clearPoints)
    ),
    group("network", el("div", {}, ...featureBoxes.map((b) => b.node)), el("div", { class: "nnbook-controls" }, depth.row, init.row), layerRows),
    group("training", el("div", { class: "nnbook-controls" }, loss.row, opt.row, lr.row, batch.row, reg.row, lam.row, dropout.row, speed.row)),
    el("div", { class: "nnbook-buttons" }, play, step, reset, copy, link),
    el("div", {}, showTest.node, discrete.node),
    status,
    note,
    el("div", { class: "nnbook-panels" }, boundary.node, curves.node),
    network.node,
    code
  );
  host.append(root2);
  function copyText(text, what) {
    code.hidden = false;
    code.textContent = text;
    navigator.clipboard?.writeText(text).then(() => {
      notice = ["note", `copied ${what}`];
      showStatus();
    }, () => {
    });
  }
  function layerControls() {
    const layers = model.get("layers"), acts = model.get("activations");
    layerRows.replaceChildren(...layers.map((units, l) => {
      const s = slider({
        label: `layer ${l + 1}`,
        min: 1,
        max: o.max_units,
        step: 1,
        value: units,
        format: (v) => `${Math.round(v)} units`,
        oninput: (v) => {
          const next = model.get("layers").slice();
          next[l] = Math.round(v);
          commit("layers", next);
        }
      });
      const a = select({
        label: `activation ${l + 1}`,
        options: o.activations.map((n) => [n, n === "identity" ? "linear" : n.replace("_", " ")]),
        value: acts[l],
        onchange: (v) => {
          const next = model.get("activations").slice();
          next[l] = v;
          commit("activations", next);
        }
      });
      return [s.row, a.row];
    }).flat());
  }
  function showControls() {
    const c = config();
    dataset.input.value = c.dataset;
    classes.set(c.classes);
    count.set(c.n);
    noise.set(c.noise);
    ratio.set(c.train_ratio);
    seed.set(c.seed);
    classes.input.disabled = !["spirals", "blobs"].includes(c.dataset);
    count.input.disabled = noise.input.disabled = c.dataset === "custom";
    classToggle.hidden = clearPoints.hidden = c.dataset !== "custom";
    featureBoxes.forEach((b) => {
      b.input.checked = c.features.includes(b.f);
    });
    depth.set(c.layers.length);
    init.input.value = c.init;
    loss.input.value = c.loss;
    opt.input.value = c.optimizer;
    lr.set(c.lr);
    batch.input.value = String(c.batch_size);
    reg.input.value = c.regularization;
    lam.set(c.lam);
    dropout.set(c.dropout);
    lam.input.disabled = c.regularization === "none";
    dropout.input.disabled = !c.layers.length;
    layerControls();
  }
  const bPanel = new Panel(boundary, [40, 26, 268, 262], style);
  bPanel.xlim = [-VIEW, VIEW];
  bPanel.ylim = [-VIEW, VIEW];
  const lPanel = new Panel(curves, [46, 26, 262, 150], style);
  const image = new ImageData(GRID, GRID), offscreen = document.createElement("canvas");
  offscreen.width = offscreen.height = GRID;
  const cmap = (style.cmap || []).map(hexToRgb);
  let gridFeatures = null, unitValues = [], outputValues = null;
  function restart() {
    const c = config();
    selected = null;
    notice = null;
    shownEpoch = -1;
    if (c.dataset === "custom" && c.points.length < 2) {
      run = { error: null, empty: true, data: { X: new Float64Array(c.points.flatMap((p) => [p[0], p[1]])), y: Int32Array.from(c.points, (p) => p[2]), Xtest: new Float64Array(0), ytest: new Int32Array(0) } };
    } else {
      run = makeRun(c, states[c.seed]);
      if (run.trainer && !run.regression) {
        const counts = new Array(Math.max(2, run.classes)).fill(0);
        for (const v of run.trainer.y) counts[v] += 1;
        run.emptyClass = counts.indexOf(0);
      }
    }
    const grid = new Float64Array(2 * GRID * GRID);
    for (let r = 0; r < GRID; r++) for (let q = 0; q < GRID; q++) {
      grid[2 * (r * GRID + q)] = -VIEW + (q + 0.5) / GRID * 2 * VIEW;
      grid[2 * (r * GRID + q) + 1] = VIEW - (r + 0.5) / GRID * 2 * VIEW;
    }
    gridFeatures = { raw: grid, mapped: features(grid, c.features) };
    if (!inLab()) {
      const hash = toHash(c, defaults);
      history.replaceState(null, "", hash.endsWith("%7B%7D") ? location.pathname + location.search : hash);
    }
    sync();
    drawAll();
  }
  function start() {
    if (!run?.trainer || run.trainer.diverged) return;
    playing = true;
    play.textContent = "pause";
    requestAnimationFrame(tick);
  }
  function pause() {
    if (!playing) return;
    playing = false;
    play.textContent = "play";
    sync();
    drawAll();
  }
  function tick() {
    if (!playing || !run?.trainer) return;
    const t = run.trainer, t0 = performance.now(), target = t.epoch + 1;
    if (speed.input.value === "1") {
      while (t.epoch < target && !t.diverged && performance.now() - t0 < WORK_MS) t.run(8);
    } else {
      do
        t.run(16);
      while (performance.now() - t0 < WORK_MS && !t.diverged);
    }
    drawAll();
    if (t.diverged) pause();
    else requestAnimationFrame(tick);
  }
  function sync() {
    const h = run?.trainer?.history;
    model.set("epoch", run?.trainer ? run.trainer.epoch : 0);
    model.set("history", h ? { train_loss: h.train_loss, train_acc: h.train_acc, val_loss: h.val_loss, val_acc: h.val_acc } : {});
    model.save_changes();
  }
  function evaluate() {
    const net = run.trainer.net, sizes = net.sizes, G2 = GRID * GRID;
    if (unitValues.length !== sizes.length || unitValues.some((v, l) => v.length !== sizes[l] || v[0].length !== G2)) {
      unitValues = sizes.map((k2) => Array.from({ length: k2 }, () => new Float64Array(G2)));
    }
    const k = sizes.at(-1);
    outputValues = new Float64Array(G2 * k);
    for (let r = 0; r < G2; r++) {
      const out = net.forward(gridFeatures.mapped, r);
      for (let l = 0; l < sizes.length - 1; l++) for (let j = 0; j < sizes[l]; j++) unitValues[l][j][r] = net.a[l][j];
      for (let j = 0; j < k; j++) outputValues[r * k + j] = out[j];
    }
  }
  function classColors(k) {
    return (style.classes.length >= k ? style.classes : style.colors).map(hexToRgb);
  }
  function cellColor(r, k, colors) {
    if (k === 1) {
      const v = run.regression ? 0.5 + 0.5 * Math.min(1, Math.max(-1, outputValues[r])) : outputValues[r];
      const p2 = discrete.input.checked ? v > 0.5 ? 1 : 0 : v;
      if (!Number.isFinite(p2)) return [255, 255, 255];
      return cmap.length ? cmap[Math.min(255, Math.max(0, Math.round(p2 * 255)))] : [255 * p2, 128, 255 * (1 - p2)];
    }
    let best = 0;
    for (let j = 1; j < k; j++) if (outputValues[r * k + j] > outputValues[r * k + best]) best = j;
    const p = outputValues[r * k + best], [R, G, B] = colors[best];
    const w = discrete.input.checked ? 1 : Math.max(0, (p - 1 / k) / (1 - 1 / k));
    return [255 + w * (R - 255), 255 + w * (G - 255), 255 + w * (B - 255)];
  }
  const POS = hexToRgb(POSITIVE), NEG = hexToRgb(NEGATIVE);
  function paintUnit(px, values, fade, stride = 1) {
    const scale = largest(values), side = GRID / stride;
    for (let r = 0; r < side; r++) for (let q = 0; q < side; q++) {
      const v = values[r * stride * GRID + q * stride] / scale, [R, G, B] = v >= 0 ? POS : NEG;
      const w = fade * Math.min(1, Math.abs(v)), i = 4 * (r * side + q);
      px[i] = 255 + w * (R - 255);
      px[i + 1] = 255 + w * (G - 255);
      px[i + 2] = 255 + w * (B - 255);
      px[i + 3] = 255;
    }
  }
  function paint(px, r, [R, G, B], fade) {
    const i = 4 * r;
    px[i] = 255 + fade * (R - 255);
    px[i + 1] = 255 + fade * (G - 255);
    px[i + 2] = 255 + fade * (B - 255);
    px[i + 3] = 255;
  }
  let deadNow = [];
  function drawAll() {
    const t0 = performance.now();
    if (run?.trainer) {
      evaluate();
      deadNow = run.trainer.net.deadUnits(run.trainer.X, run.trainer.n);
    }
    const t1 = performance.now();
    drawBoundary();
    const t2 = performance.now();
    drawNetwork();
    const t3 = performance.now();
    root2.dataset.drawMs = [t1 - t0, t2 - t1, t3 - t2].map((v) => v.toFixed(1)).join(" ");
    if (!run?.trainer || run.trainer.epoch !== shownEpoch) drawCurves();
    showStatus();
    frames += 1;
    root2.dataset.frames = String(frames);
    root2.dataset.epoch = String(run?.trainer ? run.trainer.epoch : 0);
    root2.dataset.loss = String(run?.trainer ? run.trainer.history.train_loss.at(-1) : NaN);
  }
  function drawBoundary() {
    const ctx = boundary.ctx, px = image.data;
    bPanel.clear();
    let title = run?.regression ? "output" : "decision boundary";
    if (run?.trainer) {
      const k2 = run.trainer.net.sizes.at(-1), colors2 = classColors(k2);
      if (selected) {
        paintUnit(px, unitValues[selected[0]][selected[1]], 0.8);
        title = selected[0] === 0 ? `input ${FEATURE_LABELS[model.get("features")[selected[1]]]}` : `layer ${selected[0]}, unit ${selected[1] + 1} (click it again: back)`;
      } else {
        for (let r = 0; r < GRID * GRID; r++) paint(px, r, cellColor(r, k2, colors2), 0.45);
      }
      offscreen.getContext("2d").putImageData(image, 0, 0);
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(offscreen, bPanel.left, bPanel.top, bPanel.width, bPanel.height);
    }
    const d = run?.data, k = Math.max(2, run?.classes || 2), colors = classColors(k);
    if (d) {
      bPanel.clip(() => {
        if (run.regression) {
          for (const [X, y, filled] of [[d.X, d.y, true], ...showTest.input.checked ? [[d.Xtest, d.ytest, false]] : []]) {
            for (let i = 0; i < y.length; i++) {
              const [R, G, B] = cmap.length ? cmap[Math.round(255 * (0.5 + 0.5 * Math.min(1, Math.max(-1, y[i]))))] : [128, 128, 128];
              const x = bPanel.px(X[2 * i]), v = bPanel.py(X[2 * i + 1]);
              ctx.beginPath();
              ctx.arc(x, v, 2.6, 0, 2 * Math.PI);
              ctx.fillStyle = filled ? `rgb(${R}, ${G}, ${B})` : "white";
              ctx.fill();
              ctx.strokeStyle = filled ? "white" : `rgb(${R}, ${G}, ${B})`;
              ctx.lineWidth = filled ? 0.6 : 1.4;
              ctx.stroke();
            }
          }
          return;
        }
        for (let c = 0; c < k; c++) {
          const [R, G, B] = colors[c % colors.length], rgb = `rgb(${R}, ${G}, ${B})`;
          for (const [X, y, filled] of [[d.X, d.y, true], ...showTest.input.checked ? [[d.Xtest, d.ytest, false]] : []]) {
            ctx.beginPath();
            for (let i = 0; i < y.length; i++) {
              if (y[i] !== c) continue;
              const x = bPanel.px(X[2 * i]), v = bPanel.py(X[2 * i + 1]);
              ctx.moveTo(x + 2.6, v);
              ctx.arc(x, v, 2.6, 0, 2 * Math.PI);
            }
            ctx.fillStyle = filled ? rgb : "white";
            ctx.fill();
            ctx.strokeStyle = filled ? "white" : rgb;
            ctx.lineWidth = filled ? 0.6 : 1.4;
            ctx.stroke();
          }
        }
      });
    }
    bPanel.frame({ title: `${title}, epoch ${run?.trainer ? run.trainer.epoch : 0}`, xlabel: "x₁", ylabel: "x₂" });
  }
  function layout(sizes) {
    const W = network.width, H = network.height, cols = sizes.length, cell = 28;
    return sizes.map((k, l) => Array.from({ length: k }, (_, j) => {
      const x = 56 + l * (W - 96) / Math.max(1, cols - 1), y = 12 + H / 2 + (j - (k - 1) / 2) * (cell + 5);
      return { x, y, cell };
    }));
  }
  function drawNetwork() {
    const ctx = network.ctx;
    ctx.clearRect(0, 0, network.width, network.height);
    ctx.font = `${style.font - 1}px system-ui, sans-serif`;
    ctx.fillStyle = "#222";
    ctx.textAlign = "left";
    ctx.textBaseline = "top";
    if (!run?.trainer) {
      ctx.fillText("no network to show", 8, 8);
      return;
    }
    const net = run.trainer.net, sizes = net.sizes, pos = layout(sizes), dead = deadNow;
    unitsLayout = pos;
    const BUCKETS = 6, paths = [];
    for (let l = 1; l < sizes.length; l++) {
      let big = 1e-12;
      for (let j = 0; j < sizes[l]; j++) for (let i = 0; i < sizes[l - 1]; i++) big = Math.max(big, Math.abs(net.params[net.offsets[l - 1] + j * (sizes[l - 1] + 1) + i]));
      for (let j = 0; j < sizes[l]; j++) for (let i = 0; i < sizes[l - 1]; i++) {
        const w = net.params[net.offsets[l - 1] + j * (sizes[l - 1] + 1) + i], a = pos[l - 1][i], b = pos[l][j];
        const size = Number.isFinite(w) ? Math.min(BUCKETS - 1, Math.floor(Math.abs(w) / big * BUCKETS)) : 0;
        const key = 2 * size + (w >= 0 ? 0 : 1);
        (paths[key] || (paths[key] = [])).push(a.x + a.cell / 2, a.y, b.x - b.cell / 2, b.y);
      }
    }
    paths.forEach((segments, key) => {
      const size = (Math.floor(key / 2) + 0.5) / BUCKETS;
      ctx.strokeStyle = key % 2 === 0 ? POSITIVE : NEGATIVE;
      ctx.globalAlpha = 0.25 + 0.75 * size;
      ctx.lineWidth = 0.3 + 3.5 * size;
      ctx.beginPath();
      for (let s = 0; s < segments.length; s += 4) {
        ctx.moveTo(segments[s], segments[s + 1]);
        ctx.lineTo(segments[s + 2], segments[s + 3]);
      }
      ctx.stroke();
    });
    ctx.globalAlpha = 1;
    const SMALL = GRID / 2, small = new ImageData(SMALL, SMALL), tile = document.createElement("canvas");
    tile.width = tile.height = SMALL;
    for (let l = 0; l < sizes.length; l++) for (let j = 0; j < sizes[l]; j++) {
      const { x, y, cell } = pos[l][j], values = l === sizes.length - 1 ? null : unitValues[l][j];
      if (values) {
        paintUnit(small.data, values, 0.9, 2);
      } else {
        const k = sizes.at(-1), colors = classColors(k);
        for (let r = 0; r < SMALL; r++) for (let q = 0; q < SMALL; q++) paint(small.data, r * SMALL + q, cellColor(2 * (r * GRID + q), k, colors), 0.6);
      }
      tile.getContext("2d").putImageData(small, 0, 0);
      ctx.drawImage(tile, x - cell / 2, y - cell / 2, cell, cell);
      const isSelected = selected && selected[0] === l && selected[1] === j;
      ctx.strokeStyle = isSelected ? "#000" : "#888";
      ctx.lineWidth = isSelected ? 2 : 1;
      ctx.strokeRect(x - cell / 2, y - cell / 2, cell, cell);
      if (l > 0 && l < sizes.length - 1 && dead[l - 1][j]) {
        ctx.strokeStyle = "#b00020";
        ctx.lineWidth = 2;
        ctx.beginPath();
        ctx.moveTo(x - cell / 2, y - cell / 2);
        ctx.lineTo(x + cell / 2, y + cell / 2);
        ctx.moveTo(x + cell / 2, y - cell / 2);
        ctx.lineTo(x - cell / 2, y + cell / 2);
        ctx.stroke();
      }
    }
    ctx.fillStyle = "#222";
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    const names = model.get("features"), acts = model.get("activations");
    pos.forEach((col, l) => {
      const label = l === 0 ? "inputs" : l === sizes.length - 1 ? sizes[l] > 1 ? "softmax" : run.regression ? "linear" : "sigmoid" : acts[l - 1] === "identity" ? "linear" : acts[l - 1];
      ctx.fillText(label, col[0].x, 4);
    });
    ctx.textAlign = "right";
    ctx.textBaseline = "middle";
    pos[0].forEach(({ x, y, cell }, i) => ctx.fillText(FEATURE_LABELS[names[i]], x - cell / 2 - 2, y));
  }
  let unitsLayout = [];
  function drawCurves() {
    const h = run?.trainer?.history;
    curves.ctx.clearRect(0, 0, curves.width, curves.height);
    shownEpoch = run?.trainer ? run.trainer.epoch : -1;
    if (!h) {
      lPanel.frame({ title: "loss" });
      return;
    }
    const xs = h.train_loss.map((_, e) => e), finite = [...h.train_loss, ...h.val_loss].filter(Number.isFinite);
    lPanel.xlim = [0, Math.max(10, xs.length - 1)];
    lPanel.ylim = [0, 1.08 * Math.max(0.1, ...finite)];
    lPanel.line(xs, h.train_loss, style.colors[0]);
    lPanel.line(xs, h.val_loss, style.colors[1], { dash: [5, 3] });
    lPanel.frame({ title: `loss (${{ bce: "binary cross-entropy", mse: "quadratic", cross_entropy: "softmax cross-entropy" }[model.get("loss")]})`, xlabel: "epoch" });
    lPanel.legend([["train", style.colors[0]], ["test", style.colors[1], [5, 3]]], "right");
  }
  function showStatus() {
    const t = run?.trainer;
    let shown = notice;
    if (run?.empty) {
      shown = ["note", "click on the map to add points (at least two; the class button picks their class)"];
      status.textContent = `${run.data.y.length} point${run.data.y.length === 1 ? "" : "s"}`;
    } else if (run?.error) {
      shown = ["error", run.error];
      status.textContent = "no network: the loss does not fit the data";
    } else {
      const h = t.history, e = t.epoch;
      status.textContent = `epoch ${e}: train loss ${h.train_loss[e]?.toFixed(3) ?? "–"}, test loss ${Number.isFinite(h.val_loss[e]) ? h.val_loss[e].toFixed(3) : "–"}, test accuracy ${Number.isFinite(h.val_acc[e]) ? h.val_acc[e].toFixed(3) : "–"} · ${t.net.nParams} parameters`;
      const empty = run.regression ? -1 : run.emptyClass;
      const dead = deadNow, allDead = dead.findIndex((layer) => layer.length && layer.every(Boolean));
      if (t.diverged) shown = ["error", `diverged at epoch ${t.divergedAt}: the loss or a weight is no longer finite; lower η and press reset`];
      else if (empty >= 0) shown = ["warning", `class ${empty} has no training points: the network never sees it${model.get("dataset") === "custom" ? " (add some, or raise the train share)" : ""}`];
      else if (allDead >= 0) shown = ["warning", `all ${dead[allDead].length} units of hidden layer ${allDead + 1} are dead (negative net input on every training point): no gradient gets through them`];
    }
    message(note, shown ? shown[1] : "", shown ? shown[0] : "");
    const text = shown ? shown[1] : "";
    if (model.get("message") !== text) {
      model.set("message", text);
      model.save_changes();
    }
    play.disabled = step.disabled = !t || t.diverged;
  }
  function where(event, surface) {
    const box = surface.node.getBoundingClientRect();
    return [(event.clientX - box.left) / box.width * surface.width, (event.clientY - box.top) / box.height * surface.height];
  }
  boundary.node.addEventListener("click", (event) => {
    if (model.get("dataset") !== "custom") return;
    const [cx, cy] = where(event, boundary);
    const x = bPanel.xlim[0] + (cx - bPanel.left) / bPanel.width * (bPanel.xlim[1] - bPanel.xlim[0]);
    const y = bPanel.ylim[1] - (cy - bPanel.top) / bPanel.height * (bPanel.ylim[1] - bPanel.ylim[0]);
    if (Math.abs(x) > VIEW || Math.abs(y) > VIEW) return;
    commit("points", [...model.get("points"), [Math.round(x * 100) / 100, Math.round(y * 100) / 100, customClass]]);
  });
  network.node.addEventListener("click", (event) => {
    const [cx, cy] = where(event, network);
    for (let l = 0; l < unitsLayout.length - 1; l++) for (let j = 0; j < unitsLayout[l].length; j++) {
      const { x, y, cell } = unitsLayout[l][j];
      if (Math.abs(cx - x) <= cell / 2 + 2 && Math.abs(cy - y) <= cell / 2 + 2) {
        selected = selected && selected[0] === l && selected[1] === j ? null : [l, j];
        drawAll();
        return;
      }
    }
    if (selected) {
      selected = null;
      drawAll();
    }
  });
  let pending = false;
  const later = () => {
    if (pending) return;
    pending = true;
    Promise.resolve().then(() => {
      pending = false;
      showControls();
      restart();
    });
  };
  for (const key of keys) model.on(`change:${key}`, later);
  const linked = fromHash(location.hash, defaults);
  if (linked && Object.keys(linked).length && !inLab()) {
    const c = sanitize(linked, o, defaults);
    for (const key of keys) model.set(key, c[key]);
    model.save_changes();
    root2.dataset.linked = "true";
  }
  showControls();
  restart();
  return () => {
    playing = false;
  };
}
var playground_default = { render };
export {
  playground_default as default
};
