// The activation table of nnbook.activations (chapter 0), in JavaScript: every f and f′ is
// written with the same formulas as the numpy one, so the two agree to about 1e-15
// (tests/test_widgets_js.py holds them within 1e-12 on a grid).  Conventions as in
// nnbook: at a ReLU-type kink f′ takes the right-hand value (ReLU′(0) = 1); the hard
// functions take 0 at their breakpoints.

export function sigmoid(z) {            // from e = exp(−|z|) ≤ 1: never overflows
  const e = Math.exp(-Math.abs(z));
  return z >= 0 ? 1 / (1 + e) : e / (1 + e);
}

function dSigmoid(z) {
  const e = Math.exp(-Math.abs(z));
  return e / ((1 + e) * (1 + e));
}

export function softplus(z) {           // logaddexp(0, z), as numpy computes it
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

// erfc to about 1e-16 absolute: a power series of erf for small x (all terms positive, no
// cancellation), a continued fraction for the tail.
function erfc(x) {
  if (x < 0) return 2 - erfc(-x);
  if (x < 2.5) {
    // erf(x) = 2/√π · e^(−x²) · Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1))
    let term = x, sum = x;
    for (let n = 1; n < 200 && term > 1e-17 * sum; n++) {
      term *= (2 * x * x) / (2 * n + 1);
      sum += term;
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x) * sum;
  }
  if (x > 27) return 0;                 // below the smallest float64
  // erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), evaluated backwards
  let f = x;
  for (let k = 60; k >= 1; k--) f = x + (k / 2) / f;
  return Math.exp(-x * x) / (Math.sqrt(Math.PI) * f);
}

function normalCdf(z) { return 0.5 * erfc(-z / Math.SQRT2); }

const clip = (v, lo, hi) => Math.min(Math.max(v, lo), hi);

// name → [f(z, p), f′(z, p), parameter name or null, its default]; p is the parameter's value
export const ACTIVATIONS = {
  identity: [(z) => z, () => 1, null],
  step: [(z) => (z >= 0 ? 1 : 0), () => 0, null],
  sigmoid: [sigmoid, dSigmoid, null],
  tanh: [Math.tanh, (z) => { const t = Math.tanh(z); return 1 - t * t; }, null],
  hard_sigmoid: [(z) => clip(0.25 * z + 0.5, 0, 1), (z) => (z > -2 && z < 2 ? 0.25 : 0), null],
  hard_tanh: [(z) => clip(z, -1, 1), (z) => (z > -1 && z < 1 ? 1 : 0), null],
  relu: [(z) => Math.max(z, 0), (z) => (z >= 0 ? 1 : 0), null],
  leaky_relu: [(z, p) => (z >= 0 ? z : p * z), (z, p) => (z >= 0 ? 1 : p), "slope", 0.01],
  prelu: [(z, p) => (z >= 0 ? z : p * z), (z, p) => (z >= 0 ? 1 : p), "a", 0.25],
  softplus: [softplus, sigmoid, null],
  elu: [(z, p) => (z >= 0 ? z : p * Math.expm1(Math.min(z, 0))),
        (z, p) => (z >= 0 ? 1 : p * Math.exp(Math.min(z, 0))), "alpha", 1.0],
  swish: [(z, p) => z * sigmoid(p * z), (z, p) => sigmoid(p * z) + p * z * dSigmoid(p * z), "beta", 1.0],
  gelu: [(z) => z * normalCdf(z),
         (z) => { const c = clip(z, -40, 40); return normalCdf(z) + z * Math.exp(-0.5 * c * c) / Math.sqrt(2 * Math.PI); },
         null],
};

// f and f′ of activation `name` with parameter value `p` (its default when undefined)
export function activation(name, p) {
  const entry = ACTIVATIONS[name];
  if (!entry) throw new Error(`unknown activation ${name}`);
  const [f, df, param, fallback] = entry;
  const value = param === null ? undefined : (p === undefined || p === null ? fallback : p);
  return { f: (z) => f(z, value), df: (z) => df(z, value), param, value };
}
