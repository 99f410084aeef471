// The playground's data, features and initial weights (chapter 6), drawn in the browser as
// nnbook draws them: nnbook.data.playground (the five sets and the reader's own points, the
// train/test split), nnbook.data.features (x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂) and
// nnbook.widgets.playground.initial_params (the book's initialization schemes).  Every
// random number is a numpy Generator.random() draw (pcg64.js), normals by Box–Muller, so the
// points agree with nnbook's to the last bit or two of sin, cos and log
// (tests/test_widgets_js.py: within 1e-12).

import { BatchTrainer } from "./mlp.js";
import { PCG64, random } from "./pcg64.js";

export const SETS = ["moons", "circles", "xor", "spirals", "blobs", "custom", "plane", "bumps"];
export const REGRESSION_SETS = ["plane", "bumps"];
const BUMPS = [[-0.66, 0.42, 1.0], [0.0, 0.42, -1.0], [0.66, 0.42, 1.0], [-0.66, -0.42, -1.0], [0.0, -0.42, 1.0], [0.66, -0.42, -1.0]];
export const FEATURES = ["x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"];
export const EXTENT = 2.0;

const uniforms = (rng, n) => Float64Array.from({ length: n }, () => random(rng));

function normals(rng, n) {              // √(−2 ln(1 − u₁))·cos(2πu₂), two uniforms each
  const u = uniforms(rng, 2 * n), out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.sqrt(-2.0 * Math.log(1.0 - u[2 * i])) * Math.cos(2.0 * Math.PI * u[2 * i + 1]);
  return out;
}

// the points of one set in the order they are drawn: X (n × 2, flat) and the classes y (the
// targets, for a regression set)
function points(kind, n, noise, classes, rng) {
  const X = new Float64Array(2 * n);
  let y = Int32Array.from({ length: n }, (_, i) => i % classes);
  if (kind === "moons") {
    const t = uniforms(rng, n).map((u) => Math.PI * u);
    for (let i = 0; i < n; i++) {
      const c = Math.cos(t[i]), s = Math.sin(t[i]);
      X[2 * i] = (y[i] === 0 ? c : 1.0 - c) - 0.5;
      X[2 * i + 1] = (y[i] === 0 ? s : 0.5 - s) - 0.25;
    }
  } else if (kind === "circles") {
    const u = uniforms(rng, n), t = uniforms(rng, n).map((v) => 2.0 * Math.PI * v);
    for (let i = 0; i < n; i++) {
      const r = y[i] === 0 ? 0.7 + 0.3 * u[i] : 0.5 * u[i];
      X[2 * i] = r * Math.cos(t[i]); X[2 * i + 1] = r * Math.sin(t[i]);
    }
  } else if (kind === "xor") {
    const u = uniforms(rng, 2 * n);
    for (let k = 0; k < 2 * n; k++) X[k] = -1.0 + 2.0 * u[k];
    for (let i = 0; i < n; i++) y[i] = X[2 * i] * X[2 * i + 1] < 0 ? 1 : 0;
  } else if (kind === "spirals") {
    const u = uniforms(rng, n).map((v) => 1.0 - v);
    for (let i = 0; i < n; i++) {
      const t = 3.0 * Math.PI * u[i] + (2.0 * Math.PI * y[i]) / classes;
      X[2 * i] = u[i] * Math.cos(t); X[2 * i + 1] = u[i] * Math.sin(t);
    }
  } else if (kind === "blobs") {
    const e = normals(rng, 2 * n);
    for (let i = 0; i < n; i++) {
      const t = (2.0 * Math.PI * y[i]) / classes + Math.PI / 4;
      X[2 * i] = 0.6 * Math.cos(t) + 0.1 * e[2 * i]; X[2 * i + 1] = 0.6 * Math.sin(t) + 0.1 * e[2 * i + 1];
    }
  } else {                              // regression: x ~ U(−1, 1)², y = (x₁ + x₂)/2 or the bumps
    const u = uniforms(rng, 2 * n);
    for (let k = 0; k < 2 * n; k++) X[k] = -1.0 + 2.0 * u[k];
    y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      if (kind === "plane") { y[i] = 0.5 * (X[2 * i] + X[2 * i + 1]); continue; }
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

// nnbook.data.playground: {X, y, Xtest, ytest} (X flat, n × 2); `state` is default_rng(seed)'s
export function playgroundData({ kind, n, noise, classes, trainRatio, state, custom = [] }) {
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

const FEATURE_FUNCTIONS = {
  x1: (a) => a, x2: (a, b) => b, "x1^2": (a) => a * a, "x2^2": (a, b) => b * b, "x1*x2": (a, b) => a * b,
  "sin(x1)": (a) => Math.sin(a), "sin(x2)": (a, b) => Math.sin(b),
};

// nnbook.data.features: the chosen features of the points X (flat, n × 2), flat n × features
export function features(X, names) {
  const n = X.length / 2, k = names.length, out = new Float64Array(n * k), fs = names.map((f) => FEATURE_FUNCTIONS[f]);
  for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) out[i * k + j] = fs[j](X[2 * i], X[2 * i + 1]);
  return out;
}

// one weight of layer (fan_in, fan_out) for each scheme of nnbook.init, from uniforms or normals
const SCHEMES = {
  zeros: () => () => 0,
  constant: () => () => 0.1,
  small_uniform: (rng) => () => 0.01 * random(rng),
  small_normal: (rng) => () => 0.01 * normals(rng, 1)[0],
  normal: (rng) => () => 0.05 * normals(rng, 1)[0],
  large_normal: (rng) => () => normals(rng, 1)[0],
  glorot_uniform: (rng, fi, fo, act) => {
    const r = Math.sqrt((act === "sigmoid" ? 2.0 : 6.0) / (fi + fo));
    return () => -r + (r - -r) * random(rng);
  },
  xavier_normal: (rng, fi, fo) => { const s = Math.sqrt(2.0 / (fi + fo)); return () => s * normals(rng, 1)[0]; },
  he_normal: (rng, fi) => { const s = Math.sqrt(2.0 / fi); return () => s * normals(rng, 1)[0]; },
  he_uniform: (rng, fi) => { const r = Math.sqrt(6.0 / fi); return () => -r + (r - -r) * random(rng); },
  lecun_normal: (rng, fi) => { const s = Math.sqrt(1.0 / fi); return () => s * normals(rng, 1)[0]; },
};
export const INITS = Object.keys(SCHEMES);

// nnbook.widgets.playground.initial_params: the weights layer by layer (row = unit), biases 0,
// in nnbook's layout; `rng` is a PCG64 that carries on (dropout draws from it afterwards)
export function initialParams(sizes, scheme, activations, rng) {
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

// --- a configuration: its run, its link, its Python -------------------------------------

const TWO_CLASS_SETS = ["moons", "circles", "xor"];
export const classesOf = (c) => (TWO_CLASS_SETS.includes(c.dataset) ? 2 : c.classes);

// The run of configuration `c` (the keys of nnbook.widgets.playground.DEFAULTS), from the
// seed's generator state: {trainer, sizes, data} or {error} (a loss that does not fit the
// classes).  Three generators from the one seed, as in nnbook: the data's, the network's
// (initial weights, then dropout) and the shuffle's.
export function makeRun(c, state) {
  const d = playgroundData({ kind: c.dataset, n: c.n, noise: c.noise, classes: classesOf(c), trainRatio: c.train_ratio,
                             state, custom: c.points });
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
  const trainer = new BatchTrainer({ sizes, activations: c.activations, loss: c.loss, params, output: regression ? "identity" : undefined,
                                     X: features(d.X, c.features), y: d.y, Xtest: features(d.Xtest, c.features), ytest: d.ytest,
                                     lr: c.lr, optimizer: c.optimizer, batchSize: c.batch_size, dropout: c.dropout,
                                     order: state, dropoutRng: netRng, ...penalty });
  return { trainer, sizes, classes: k, data: d, regression };
}

const py = (v) => (typeof v === "string" ? JSON.stringify(v) : Array.isArray(v) ? `[${v.map(py).join(", ")}]` : String(v));

// "copy as Python": nnbook code that builds and trains the same network for `epochs` epochs
export function pythonCode(c, epochs) {
  const k = classesOf(c), out = REGRESSION_SETS.includes(c.dataset) ? "identity" : c.loss === "cross_entropy" ? "softmax" : "sigmoid";
  const points = c.dataset === "custom" ? `, points=${py(c.points)}` : "";
  const penalty = c.regularization === "none" ? "" : `, ${c.regularization}=${py(c.lam)}`;
  const nOut = c.loss === "cross_entropy" ? (c.dataset === "custom" ? `max(2, int(max(y.max(), y_test.max())) + 1)` : String(Math.max(2, k))) : "1";
  return [
    "# the playground's configuration, trained in numpy with nnbook",
    "import numpy as np",
    "import nnbook",
    "from nnbook.widgets.playground import initial_params",
    "",
    `X, y, X_test, y_test = nnbook.data.playground(${py(c.dataset)}, n=${c.n}, noise=${py(c.noise)}, classes=${k}, `
      + `train_ratio=${py(c.train_ratio)}, seed=${c.seed}${points})`,
    `features = ${py(c.features)}`,
    "X, X_test = nnbook.data.features(X, features), nnbook.data.features(X_test, features)",
    "",
    `sizes = [len(features), ${c.layers.map(String).concat([nOut]).join(", ")}]`,
    `activations = ${py(c.activations)}`,
    `rng = np.random.default_rng(${c.seed})       # the initial weights, then the dropout masks`,
    `net = nnbook.MLP(sizes, activations, ${py(out)}, loss=${py(c.loss)}, init="zeros", seed=rng, dropout=${py(c.dropout)})`,
    `net.params = initial_params(sizes, ${py(c.init)}, activations, rng)`,
    "",
    `history = nnbook.train(net, X, y, validation=(X_test, y_test), epochs=${epochs}, batch_size=${c.batch_size}, `
      + `lr=${py(c.lr)}, optimizer=${py(c.optimizer)}${penalty}, seed=${c.seed})`,
    `print(f"epoch {history.epochs}: train loss {history.train_loss[-1]:.4f}, test loss {history.val_loss[-1]:.4f}, "`,
    `      f"test accuracy {history.val_acc[-1]:.3f}")`,
    "",
  ].join("\n");
}

// the URL hash of a configuration: the keys that differ from `defaults`, as JSON
export function toHash(c, defaults) {
  const diff = {};
  for (const key of Object.keys(defaults)) if (JSON.stringify(c[key]) !== JSON.stringify(defaults[key])) diff[key] = c[key];
  return `#playground=${encodeURIComponent(JSON.stringify(diff))}`;
}

// the configuration a hash holds (only known keys of the right type), or null
export function fromHash(hash, defaults) {
  const m = /playground=([^&]*)/.exec(hash || "");
  if (!m) return null;
  let parsed;
  try { parsed = JSON.parse(decodeURIComponent(m[1])); } catch { return null; }
  if (!parsed || typeof parsed !== "object") return null;
  const out = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (key in defaults && typeof value === typeof defaults[key] && Array.isArray(value) === Array.isArray(defaults[key])) out[key] = value;
  }
  return out;
}
