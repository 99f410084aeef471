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

// nnbook/widgets/js/signals.js
var INDEX_WIDTH = 128;
var STREAMS = { weightsNormal: 0, weightsUniform: 1, inputs: 2, outGrad: 3 };
var EPS = 1e-5;
function hash32(x) {
  x = (x ^ x >>> 16) >>> 0;
  x = Math.imul(x, 2146121005) >>> 0;
  x = (x ^ x >>> 15) >>> 0;
  x = Math.imul(x, 2221713035) >>> 0;
  return (x ^ x >>> 16) >>> 0;
}
var keyOf = (stream, seed) => hash32(seed * 16 + stream >>> 0);
var word = (key, i) => hash32((hash32(i >>> 0) ^ key) >>> 0);
function uniform(key, i) {
  return ((word(key, 2 * i) >>> 5) * 67108864 + (word(key, 2 * i + 1) >>> 6)) / 9007199254740992;
}
function normal(key, i) {
  const u1 = uniform(key, 2 * i), u2 = uniform(key, 2 * i + 1);
  return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
}
function schemeScale(row, fanIn, fanOut, activation2) {
  const c = row.c === null || row.c === void 0 ? Math.sqrt(activation2 === "sigmoid" ? 2 : 6) : row.c;
  const denominator = row.in * fanIn + row.out * fanOut;
  return denominator ? c / Math.sqrt(denominator) : c;
}
function baseWeights(kind, seed, depth, width, known = []) {
  const key = keyOf(kind === "normal" ? STREAMS.weightsNormal : STREAMS.weightsUniform, seed);
  const layers = known.slice(0, depth);
  for (let l = layers.length; l < depth; l++) {
    const W = new Float64Array(width * width);
    if (kind !== "zeros") {
      for (let i = 0; i < width; i++) {
        for (let j = 0; j < width; j++) {
          const index = (l * INDEX_WIDTH + i) * INDEX_WIDTH + j;
          W[i * width + j] = kind === "normal" ? normal(key, index) : kind === "uniform" ? 2 * uniform(key, index) - 1 : uniform(key, index);
        }
      }
    }
    layers.push(W);
  }
  return layers;
}
function normals(stream, seed, samples, width) {
  const key = keyOf(STREAMS[stream], seed), out = new Float64Array(samples * width);
  for (let s = 0; s < samples; s++) for (let j = 0; j < width; j++) out[s * width + j] = normal(key, s * INDEX_WIDTH + j);
  return out;
}
function moments(values) {
  let mean = 0;
  for (const v of values) mean += v;
  mean /= values.length;
  let sq = 0;
  for (const v of values) sq += (v - mean) * (v - mean);
  return { mean, sd: Math.sqrt(sq / values.length) };
}
var std = (values) => moments(values).sd;
function batchNorm(z, n, k) {
  const xHat = new Float64Array(n * k), sd = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    let mean = 0;
    for (let s = 0; s < n; s++) mean += z[s * k + j];
    mean /= n;
    let v = 0;
    for (let s = 0; s < n; s++) v += (z[s * k + j] - mean) ** 2;
    sd[j] = Math.sqrt(v / n + EPS);
    for (let s = 0; s < n; s++) xHat[s * k + j] = (z[s * k + j] - mean) / sd[j];
  }
  return { xHat, sd };
}
function batchNormBackward(g, cache, n, k) {
  const out = new Float64Array(n * k);
  for (let j = 0; j < k; j++) {
    let sum = 0, dot2 = 0;
    for (let s = 0; s < n; s++) {
      sum += g[s * k + j];
      dot2 += g[s * k + j] * cache.xHat[s * k + j];
    }
    for (let s = 0; s < n; s++) out[s * k + j] = (n * g[s * k + j] - sum - cache.xHat[s * k + j] * dot2) / (n * cache.sd[j]);
  }
  return out;
}
var finite = (a) => a.every(Number.isFinite);
function matmulT(X, M, n, k, m) {
  const out = new Float64Array(n * m);
  let s = 0;
  for (; s + 1 < n; s += 2) {
    const x0 = s * k, x1 = x0 + k;
    let i = 0;
    for (; i + 1 < m; i += 2) {
      const r0 = i * k, r1 = r0 + k;
      let a = 0, b = 0, c = 0, d = 0;
      for (let j = 0; j < k; j++) {
        const p = X[x0 + j], q = X[x1 + j], u = M[r0 + j], v = M[r1 + j];
        a += p * u;
        b += p * v;
        c += q * u;
        d += q * v;
      }
      out[s * m + i] = a;
      out[s * m + i + 1] = b;
      out[(s + 1) * m + i] = c;
      out[(s + 1) * m + i + 1] = d;
    }
    for (; i < m; i++) out[s * m + i] = dot(X, x0, M, i * k, k), out[(s + 1) * m + i] = dot(X, x1, M, i * k, k);
  }
  for (; s < n; s++) for (let i = 0; i < m; i++) out[s * m + i] = dot(X, s * k, M, i * k, k);
  return out;
}
function dot(x, i, y, j, n) {
  let sum = 0;
  for (let t = 0; t < n; t++) sum += x[i + t] * y[j + t];
  return sum;
}
var transposes = /* @__PURE__ */ new WeakMap();
function transpose(W, width) {
  let T = transposes.get(W);
  if (!T) {
    T = new Float64Array(width * width);
    for (let i = 0; i < width; i++) for (let j = 0; j < width; j++) T[j * width + i] = W[i * width + j];
    transposes.set(W, T);
  }
  return T;
}
function scaled(values, scale) {
  if (scale !== 1) for (let t = 0; t < values.length; t++) values[t] *= scale;
  return values;
}
function apply(fn, values) {
  const out = new Float64Array(values.length);
  for (let t = 0; t < values.length; t++) out[t] = fn(values[t]);
  return out;
}
function propagate({ X, weights, scale = 1, G, n, width, activation: activation2, batchNorm: useBn }) {
  const f = activation(activation2);
  const a = [X], normed = [], caches = [];
  for (const W of weights) {
    const z = scaled(matmulT(a[a.length - 1], W, n, width, width), scale);
    let zn = z, cache = null;
    if (useBn && finite(z)) {
      cache = batchNorm(z, n, width);
      zn = cache.xHat;
    }
    caches.push(cache);
    normed.push(zn);
    a.push(apply(f.f, zn));
  }
  const deltas = new Array(weights.length);
  let g = G;
  for (let l = weights.length - 1; l >= 0; l--) {
    const zn = normed[l];
    let d = new Float64Array(n * width);
    for (let t = 0; t < d.length; t++) d[t] = g[t] * f.df(zn[t]);
    if (useBn && caches[l] && finite(d)) d = batchNormBackward(d, caches[l], n, width);
    deltas[l] = d;
    g = scaled(matmulT(d, transpose(weights[l], width), n, width, width), scale);
  }
  return { a: a.slice(1), delta: deltas, aStd: a.slice(1).map(std), deltaStd: deltas.map(std) };
}
function labSignals({ schemes, scheme, activation: activation2, depth, width, inputScale, batchNorm: useBn, seed, samples }, known = []) {
  const row = schemes[scheme];
  const draws = baseWeights(row.base, seed, depth, width, known);
  const scale = schemeScale(row, width, width, activation2);
  const X = scaled(normals("inputs", seed, samples, width), inputScale);
  const G = normals("outGrad", seed, samples, width);
  return { ...propagate({ X, weights: draws, scale, G, n: samples, width, activation: activation2, batchNorm: useBn }), draws };
}

// nnbook/widgets/js/draw.js
var FALLBACK_STYLE = {
  colors: ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd"],
  classes: ["#1f77b4", "#d62728"],
  cmap: null,
  font: 12
};
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

// nnbook/widgets/js/init_lab.js
var BINS = 50;
function shownLayers(depth) {
  const out = /* @__PURE__ */ new Set();
  for (let k = 0; k < 5; k++) out.add(Math.round(1 + k * (depth - 1) / 4));
  return [...out].sort((p, q) => p - q);
}
function histograms(layers) {
  let widest = layers[0];
  for (const v of layers) if (v.sd > widest.sd) widest = v;
  const half = widest.sd > 0 ? 4 * widest.sd : Math.max(Math.abs(widest.mean), 1) / 2, lo = widest.mean - half, hi = widest.mean + half;
  const step = (hi - lo) / BINS, centres = Array.from({ length: BINS }, (_, b) => lo + (b + 0.5) * step);
  const counts = layers.map(({ values }) => {
    const c = new Float64Array(BINS);
    for (const v of values) {
      const b = Math.floor((v - lo) / step);
      if (b >= 0 && b < BINS) c[b] += 1;
    }
    return Array.from(c, (x) => x / values.length);
  });
  return { centres, counts, lo, hi };
}
var summary = (values) => ({ values, ...moments(values) });
var sci = (v) => v === 0 ? "0" : Number.isFinite(v) ? v.toExponential(1) : String(v);
function render({ model, el: host }) {
  const style = { ...FALLBACK_STYLE, ...model.get("book_style") || {} };
  const root2 = root("nnbook-init-lab");
  const commit = (key, value) => {
    model.set(key, value);
    model.save_changes();
  };
  const int = (v) => String(Math.round(v));
  const depth = slider({
    label: "depth",
    min: 1,
    max: model.get("max_depth"),
    step: 1,
    value: model.get("depth"),
    format: int,
    oninput: (v) => commit("depth", Math.round(v))
  });
  const width = slider({
    label: "width",
    min: 2,
    max: model.get("max_width"),
    step: 1,
    value: model.get("width"),
    format: int,
    oninput: (v) => commit("width", Math.round(v))
  });
  const scale = slider({
    label: "input std",
    min: 0.01,
    max: 100,
    step: 0.01,
    log: true,
    value: model.get("input_scale"),
    format: (v) => v.toPrecision(2),
    oninput: (v) => commit("input_scale", v)
  });
  const schemes = model.get("schemes");
  const scheme = select({
    label: "init",
    options: Object.entries(schemes).map(([k, row]) => [k, row.label]),
    value: model.get("scheme"),
    onchange: (v) => commit("scheme", v)
  });
  const act = select({
    label: "f",
    options: ["sigmoid", "tanh", "relu", "identity"].map((a) => [a, a]),
    value: model.get("activation"),
    onchange: (v) => commit("activation", v)
  });
  const bn = select({
    label: "batch norm",
    options: [["off", "off"], ["on", "on: normalize every z"]],
    value: model.get("batch_norm") ? "on" : "off",
    onchange: (v) => commit("batch_norm", v === "on")
  });
  const status = el("div", { class: "nnbook-status", role: "status", "aria-live": "polite" });
  const note = el("div", { class: "nnbook-message", role: "status" });
  const top = canvas(640, 230, "the standard deviation of the activations and of the deltas at every layer, log scale");
  const histA = canvas(320, 220, "histograms of the activations at five layers");
  const histD = canvas(320, 220, "histograms of the deltas at five layers");
  root2.append(
    el("div", { class: "nnbook-controls" }, depth.row, width.row, scale.row, scheme.row, act.row, bn.row),
    status,
    note,
    top.node,
    el("div", { class: "nnbook-panels" }, histA.node, histD.node)
  );
  host.append(root2);
  const stdPanel = new Panel(top, [56, 24, 560, 168], style);
  const aPanel = new Panel(histA, [40, 24, 268, 160], style), dPanel = new Panel(histD, [40, 24, 268, 160], style);
  let frames = 0, pending = false;
  const cache = /* @__PURE__ */ new Map();
  function compute() {
    const settings = {
      schemes,
      scheme: model.get("scheme"),
      activation: model.get("activation"),
      depth: model.get("depth"),
      width: model.get("width"),
      inputScale: model.get("input_scale"),
      batchNorm: model.get("batch_norm"),
      seed: model.get("seed"),
      samples: model.get("samples")
    };
    const key = [schemes[settings.scheme].base, settings.seed, settings.width].join(" ");
    const known = cache.get(key) || [];
    const out = labSignals(settings, known);
    if (out.draws.length > known.length) cache.set(key, out.draws);
    if (cache.size > 4) cache.delete(cache.keys().next().value);
    return { settings, out };
  }
  function drawStd(settings, out) {
    top.ctx.clearRect(0, 0, top.width, top.height);
    const layers = out.aStd.map((_, i) => i + 1);
    const logs = (xs) => xs.map((v) => v > 0 && Number.isFinite(v) ? Math.log10(v) : NaN);
    const la = logs(out.aStd), ld = logs(out.deltaStd), all = [...la, ...ld].filter(Number.isFinite);
    const lo = all.length ? Math.floor(Math.min(...all)) : -1, hi = all.length ? Math.ceil(Math.max(...all)) : 1;
    stdPanel.xlim = [0.5, settings.depth + 0.5];
    stdPanel.ylim = [lo - (hi === lo ? 1 : 0), hi + (hi === lo ? 1 : 0)];
    const [ca, cd] = [style.colors[0], style.colors[1]];
    stdPanel.line(layers, la, ca);
    stdPanel.line(layers, ld, cd, { dash: [5, 3] });
    stdPanel.frame({
      title: `std across depth (log₁₀): ${schemes[settings.scheme].label}, ${settings.activation}`,
      xlabel: "layer l",
      ylabel: "log₁₀ std"
    });
    stdPanel.legend([["std of a⁽ˡ⁾", ca], ["std of δ⁽ˡ⁾ = ∂L/∂z⁽ˡ⁾", cd, [5, 3]]], "right");
  }
  function drawHistograms(panel, surface, values, name, depthValue) {
    surface.ctx.clearRect(0, 0, surface.width, surface.height);
    const shown = shownLayers(depthValue), layers = shown.map((l) => summary(values[l - 1]));
    if (!layers.every((s) => Number.isFinite(s.sd))) {
      panel.frame({ title: `${name}: not finite` });
      return;
    }
    const { centres, counts, lo, hi } = histograms(layers);
    panel.xlim = [lo, hi];
    panel.ylim = [0, Math.max(1e-12, ...counts.flat()) * 1.08];
    counts.forEach((c, i) => panel.line(centres, c, style.colors[i % style.colors.length], { width: 1.5 }));
    panel.frame({ title: `histograms of ${name} (share per bin)` });
    panel.legend(shown.map((l, i) => [`layer ${l}`, style.colors[i % style.colors.length]]), "right");
  }
  function verdict(settings, out) {
    const D = settings.depth, a = out.aStd, d = out.deltaStd;
    if (![...a, ...d].every(Number.isFinite)) return ["the signal overflowed float64: the weights are far too large for this depth", "error"];
    if (a.every((v) => v === 0)) return ["every activation is 0: no signal passes, and all units of a layer stay alike (symmetry)", "warning"];
    if (D < 2) return ["", "note"];
    const ra = a[D - 1] / a[0], rd = d[0] / d[D - 1];
    if (rd < 1e-3) return [`gradients vanish: δ at layer 1 is ${sci(rd)} × δ at layer ${D}`, "warning"];
    if (rd > 1e3) return [`gradients explode: δ at layer 1 is ${sci(rd)} × δ at layer ${D}`, "warning"];
    if (ra < 1e-3) return [`activations vanish: their std at layer ${D} is ${sci(ra)} × layer 1's`, "warning"];
    if (ra > 1e3) return [`activations explode: their std at layer ${D} is ${sci(ra)} × layer 1's`, "warning"];
    return ["the signal keeps its scale within a factor 1000 both ways", "note"];
  }
  function show() {
    pending = false;
    const t0 = performance.now();
    const { settings, out } = compute();
    const t1 = performance.now();
    drawStd(settings, out);
    drawHistograms(aPanel, histA, out.a, "a", settings.depth);
    drawHistograms(dPanel, histD, out.delta, "δ", settings.depth);
    const D = settings.depth;
    status.textContent = `layer 1 → ${D}: std of a ${sci(out.aStd[0])} → ${sci(out.aStd[D - 1])}; std of δ ${sci(out.deltaStd[0])} → ${sci(out.deltaStd[D - 1])}`;
    const [text, kind] = verdict(settings, out);
    message(note, text, kind);
    if (model.get("message") !== text) commit("message", text);
    depth.set(D);
    width.set(settings.width);
    scale.set(settings.inputScale);
    scheme.input.value = settings.scheme;
    act.input.value = settings.activation;
    bn.input.value = settings.batchNorm ? "on" : "off";
    root2.dataset.stats = JSON.stringify({ aStd: out.aStd, deltaStd: out.deltaStd });
    root2.dataset.computeMs = (t1 - t0).toFixed(1);
    root2.dataset.drawMs = (performance.now() - t0).toFixed(1);
    frames += 1;
    root2.dataset.frames = String(frames);
  }
  const schedule = () => {
    if (!pending) {
      pending = true;
      requestAnimationFrame(show);
    }
  };
  const keys = ["scheme", "activation", "depth", "width", "input_scale", "batch_norm", "seed"];
  for (const key of keys) model.on(`change:${key}`, schedule);
  show();
  return () => {
    for (const key of keys) model.off(`change:${key}`, schedule);
  };
}
var init_lab_default = { render };
export {
  init_lab_default as default,
  shownLayers
};
