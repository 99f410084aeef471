// Signals through depth (chapter 4), in the browser: the init lab's random deep net, its forward
// pass a(l) = f(W(l) a(l-1)) (optionally batch-normalized before f) and its backward pass from a
// random output gradient.  The same as nnbook.signals.propagate on the weights of
// nnbook.widgets.init_lab (its counter-based generator is the one below), within 1e-9.

import { activation as getActivation } from "./activations.js";

const INDEX_WIDTH = 128;                  // layer l's weight (i, j) is entry (l·128 + i)·128 + j
const STREAMS = { weightsNormal: 0, weightsUniform: 1, inputs: 2, outGrad: 3 };
export const EPS = 1e-5;                  // nnbook.batchnorm.EPS

function hash32(x) {                      // Wellons' lowbias32, as init_lab._hash32
  x = (x ^ (x >>> 16)) >>> 0;
  x = Math.imul(x, 0x7feb352d) >>> 0;
  x = (x ^ (x >>> 15)) >>> 0;
  x = Math.imul(x, 0x846ca68b) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

const keyOf = (stream, seed) => hash32((seed * 16 + stream) >>> 0);
const word = (key, i) => hash32((hash32(i >>> 0) ^ key) >>> 0);

// uniform in [0, 1) with 53 random bits, and Box–Muller normal (init_lab.lab_uniform, lab_normal)
export function uniform(key, i) {
  return ((word(key, 2 * i) >>> 5) * 67108864 + (word(key, 2 * i + 1) >>> 6)) / 9007199254740992;
}

export function normal(key, i) {
  const u1 = uniform(key, 2 * i), u2 = uniform(key, 2 * i + 1);
  return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
}

// the factor of a scheme's base draw: c / √(in·fan_in + out·fan_out) (init_lab.scheme_scale)
export function schemeScale(row, fanIn, fanOut, activation) {
  const c = row.c === null || row.c === undefined ? Math.sqrt(activation === "sigmoid" ? 2 : 6) : row.c;
  const denominator = row.in * fanIn + row.out * fanOut;
  return denominator ? c / Math.sqrt(denominator) : c;
}

// the base draws of `depth` width × width layers (ε or u), before any scheme's scale; the layers
// of `known` (the same kind, seed and width) are reused: layer l's draws do not depend on the depth
export function baseWeights(kind, seed, depth, width, known = []) {
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

// samples × width standard normals of a stream (the inputs before their scale, and ∂L/∂a(D))
export function normals(stream, seed, samples, width) {
  const key = keyOf(STREAMS[stream], seed), out = new Float64Array(samples * width);
  for (let s = 0; s < samples; s++) for (let j = 0; j < width; j++) out[s * width + j] = normal(key, s * INDEX_WIDTH + j);
  return out;
}

// mean and standard deviation as numpy computes them: √(mean((x − mean)²))
export function moments(values) {
  let mean = 0;
  for (const v of values) mean += v;
  mean /= values.length;
  let sq = 0;
  for (const v of values) sq += (v - mean) * (v - mean);
  return { mean, sd: Math.sqrt(sq / values.length) };
}

export const std = (values) => moments(values).sd;

// batch normalization of the columns of z (n × k), γ = 1, β = 0 (nnbook.batchnorm.batch_norm)
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

// ∂L/∂z from ∂L/∂x̂ (γ = 1): (m g − Σ g − x̂ Σ g x̂) / (m √(σ² + ε)) per column
function batchNormBackward(g, cache, n, k) {
  const out = new Float64Array(n * k);
  for (let j = 0; j < k; j++) {
    let sum = 0, dot = 0;
    for (let s = 0; s < n; s++) { sum += g[s * k + j]; dot += g[s * k + j] * cache.xHat[s * k + j]; }
    for (let s = 0; s < n; s++) out[s * k + j] = (n * g[s * k + j] - sum - cache.xHat[s * k + j] * dot) / (n * cache.sd[j]);
  }
  return out;
}

const finite = (a) => a.every(Number.isFinite);

// out (n × m) = X (n × k) · Mᵀ, M (m × k) in rows: every output is Σ_j X[s, j]·M[i, j], summed in j's order;
// two samples × two rows at a time, so that each number loaded serves two products
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
        a += p * u; b += p * v; c += q * u; d += q * v;
      }
      out[s * m + i] = a; out[s * m + i + 1] = b; out[(s + 1) * m + i] = c; out[(s + 1) * m + i + 1] = d;
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

const transposes = new WeakMap();      // each base-draw matrix's transpose, made once

function transpose(W, width) {
  let T = transposes.get(W);
  if (!T) {
    T = new Float64Array(width * width);
    for (let i = 0; i < width; i++) for (let j = 0; j < width; j++) T[j * width + i] = W[i * width + j];
    transposes.set(W, T);
  }
  return T;
}

function scaled(values, scale) {         // in place: the products above, times the weights' scale
  if (scale !== 1) for (let t = 0; t < values.length; t++) values[t] *= scale;
  return values;
}

function apply(fn, values) {
  const out = new Float64Array(values.length);
  for (let t = 0; t < values.length; t++) out[t] = fn(values[t]);
  return out;
}

// forward and backward through `scale` × weights (each width × width, row i = unit i); X and G are n × width
export function propagate({ X, weights, scale = 1, G, n, width, activation, batchNorm: useBn }) {
  const f = getActivation(activation);
  const a = [X], normed = [], caches = [];
  for (const W of weights) {
    const z = scaled(matmulT(a[a.length - 1], W, n, width, width), scale);
    let zn = z, cache = null;
    if (useBn && finite(z)) { cache = batchNorm(z, n, width); zn = cache.xHat; }
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

// the lab's whole computation for its settings; `known` are base draws to reuse (see baseWeights)
export function labSignals({ schemes, scheme, activation, depth, width, inputScale, batchNorm: useBn, seed, samples }, known = []) {
  const row = schemes[scheme];
  const draws = baseWeights(row.base, seed, depth, width, known);
  const scale = schemeScale(row, width, width, activation);
  const X = scaled(normals("inputs", seed, samples, width), inputScale);
  const G = normals("outGrad", seed, samples, width);
  return { ...propagate({ X, weights: draws, scale, G, n: samples, width, activation, batchNorm: useBn }), draws };
}
