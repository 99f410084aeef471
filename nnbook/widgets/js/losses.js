// The losses of chapter 3 in JavaScript, with nnbook.losses' formulas: a stable softmax and
// log-softmax, the softmax cross-entropy of logits, the focal loss of the true class's
// probability and the multiclass hinge (tests/test_widgets_js.py: within 1e-12), and the
// single sigmoid neuron of Nielsen's learning-slowdown experiment (within 1e-9).

import { sigmoid, softplus } from "./activations.js";

export function logSoftmax(z) {         // z − max z − log Σ e^(z − max z)
  const m = Math.max(...z);
  const s = z.reduce((acc, v) => acc + Math.exp(v - m), 0);
  return z.map((v) => v - m - Math.log(s));
}

export function softmax(z) {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((acc, v) => acc + v, 0);
  return e.map((v) => v / s);
}

export const crossEntropy = (z, c) => -logSoftmax(z)[c];

export function focal(p, gamma) {       // −(1 − p)^γ ln p for the true class's probability p
  return -((1 - p) ** gamma) * Math.log(Math.max(p, Number.MIN_VALUE));
}

export function multiclassHinge(z, c, margin) {        // Σ_{j ≠ c} max(0, z_j − z_c + m)
  return z.reduce((acc, v, j) => acc + (j === c ? 0 : Math.max(0, v - z[c] + margin)), 0);
}

// One sigmoid neuron a = σ(wx + b) trained on one sample (x, y) by gradient descent, as
// nnbook.train does it: the quadratic cost ½(a − y)² (δ = (a − y)σ′(z)) or the cross-entropy
// (δ = a − y).  Returns a, the cost and σ′(z) at every epoch 0 … epochs.
export function slowdown({ w, b, x, y, lr, cost, epochs }) {
  const out = { a: [], cost: [], dsig: [], w: [], b: [] };
  for (let e = 0; ; e++) {
    const z = w * x + b, a = sigmoid(z), ds = a * (1 - a);
    out.a.push(a); out.dsig.push(ds); out.w.push(w); out.b.push(b);
    out.cost.push(cost === "quadratic" ? 0.5 * (a - y) * (a - y) : softplus(z) - y * z);
    if (e === epochs) return out;
    const delta = cost === "quadratic" ? (a - y) * ds : a - y;
    w -= lr * (delta * x);
    b -= lr * delta;
  }
}
