// The 2-D surfaces of nnbook.surfaces and the six optimizers of nnbook.optim, in JavaScript
// (chapter 1's learning-rate lab; the playground's networks use the same updates).  Each update is written with the operations of the numpy
// class, in the same order, so the trajectories agree with nnbook's to the last few bits
// (tests/test_widgets_js.py: within 1e-9, relative, over 200 steps).

export const SURFACES = {
  bowl: { value: (w0, w1) => w0 * w0 + w1 * w1, grad: (w0, w1) => [2 * w0, 2 * w1] },
  elongated_bowl: { value: (w0, w1, p) => w0 * w0 + p.kappa * w1 * w1, grad: (w0, w1, p) => [2 * w0, 2 * p.kappa * w1] },
  rosenbrock: {
    value: (w0, w1, p) => { const r = w1 - w0 * w0; return (p.a - w0) ** 2 + p.b * r * r; },
    grad: (w0, w1, p) => { const r = w1 - w0 * w0; return [-2 * (p.a - w0) - 4 * p.b * w0 * r, 2 * p.b * r]; },
  },
  saddle: { value: (w0, w1) => w0 * w0 - w1 * w1, grad: (w0, w1) => [2 * w0, -2 * w1] },
};

// One optimizer's state over n parameters (two on a surface, a network's P in the playground);
// step(w, g) updates w in place
export function optimizer(name, h, n = 2) {
  const v = new Float64Array(n), s = new Float64Array(n);
  let t = 0;
  const eta = h.lr;
  const steps = {
    sgd(w, g) { for (let i = 0; i < n; i++) w[i] = w[i] - g[i] * eta; },
    momentum(w, g) {                    // v ← μv − η∇L, w ← w + v
      for (let i = 0; i < n; i++) { v[i] = v[i] * h.momentum; v[i] = v[i] - g[i] * eta; w[i] = w[i] + v[i]; }
    },
    nesterov(w, g) {                    // the look-ahead point θ: v ← μv − η∇L(θ), θ ← θ + μv − η∇L(θ)
      for (let i = 0; i < n; i++) {
        const gEta = g[i] * eta;
        v[i] = v[i] * h.momentum; v[i] = v[i] - gEta;
        w[i] = w[i] + (v[i] * h.momentum - gEta);
      }
    },
    adagrad(w, g) {                     // s ← s + ∇L², w ← w − η∇L/(√s + ε)
      for (let i = 0; i < n; i++) { s[i] = s[i] + g[i] * g[i]; w[i] = w[i] - (g[i] / (Math.sqrt(s[i]) + h.eps)) * eta; }
    },
    rmsprop(w, g) {                     // s ← ρs + (1 − ρ)∇L², w ← w − η∇L/(√s + ε)
      for (let i = 0; i < n; i++) {
        const sq = (g[i] * g[i]) * (1 - h.rho);
        s[i] = s[i] * h.rho; s[i] = s[i] + sq;
        w[i] = w[i] - (g[i] / (Math.sqrt(s[i]) + h.eps)) * eta;
      }
    },
    adam(w, g) {                        // bias-corrected moments v, s; w ← w − η v̂/(√ŝ + ε)
      const c1 = 1 / (1 - h.beta1 ** t), c2 = 1 / Math.sqrt(1 - h.beta2 ** t);
      for (let i = 0; i < n; i++) {
        v[i] = v[i] * h.beta1; v[i] = v[i] + g[i] * (1 - h.beta1);
        s[i] = s[i] * h.beta2; s[i] = s[i] + (g[i] * g[i]) * (1 - h.beta2);
        w[i] = w[i] - ((v[i] / (Math.sqrt(s[i]) * c2 + h.eps)) * eta) * c1;
      }
    },
  };
  const update = steps[name];
  if (!update) throw new Error(`unknown optimizer ${name}`);
  return { step(w, g) { t += 1; update(w, g); } };
}

// nnbook.surfaces.trajectory: the points and losses from `start`, stopping (and saying where)
// at the first step whose point or loss is not finite
export function trajectory(surface, params, name, hyper, start, steps) {
  const { value, grad } = SURFACES[surface];
  const w = [start[0], start[1]], opt = optimizer(name, hyper);
  const points = [[w[0], w[1]]], values = [value(w[0], w[1], params)];
  let divergedAt = null;
  for (let t = 1; t <= steps; t++) {
    opt.step(w, grad(w[0], w[1], params));
    const v = value(w[0], w[1], params);
    if (!(Number.isFinite(w[0]) && Number.isFinite(w[1]) && Number.isFinite(v))) { divergedAt = t; break; }
    points.push([w[0], w[1]]);
    values.push(v);
  }
  return { points, values, divergedAt };
}
