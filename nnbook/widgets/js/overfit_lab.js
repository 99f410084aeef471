// The curve-fitting overfit lab (chapter 5), in the browser: Kneusel's 17 points, a degree and a
// ridge λ → the fit, the training and held-out errors against the degree, the coefficients' size.
// numpy fitted every degree × λ (nnbook.polyfit.fit); this module evaluates those fits (`curve`,
// `errors`, equal to nnbook's within 1e-9) and draws.

import { FALLBACK_STYLE, Panel, button, canvas, el, floats, linspace, message, root as makeRoot, slider } from "./draw.js";

// p(x) = Σ_k c_k t^k with t = off + scl·x mapping the domain [lo, hi] to [−1, 1], by Horner's rule
// (numpy.polynomial.Polynomial with domain [lo, hi] and window [−1, 1] computes the same)
export function curve(c, domain, xs) {
  const [lo, hi] = domain, off = -(hi + lo) / (hi - lo), scl = 2 / (hi - lo);
  return Array.from(xs, (x) => {
    const t = off + scl * x;
    let p = c[c.length - 1];
    for (let k = c.length - 2; k >= 0; k--) p = c[k] + p * t;
    return p;
  });
}

export function rms(c, domain, xs, ys) {
  const p = curve(c, domain, xs);
  let sse = 0;
  for (let i = 0; i < xs.length; i++) sse += (ys[i] - p[i]) ** 2;
  return Math.sqrt(sse / xs.length);
}

// the coefficients c₀ … c_d of `degree` at λ index `j` in the (degree, λ, 17) table
export function coefficients(table, lambdas, degree, j) {
  const start = (degree * lambdas + j) * 17;
  return Array.from(table.subarray(start, start + degree + 1));
}

// errors per degree at λ index j: RMS on the training points and on held-out draw `hy`, and ‖c₁ … c_d‖
export function errors({ table, lambdas, j, domain, x, y, hx, hy, degrees = 17 }) {
  const out = { train: [], heldout: [], size: [] };
  for (let d = 0; d < degrees; d++) {
    const c = coefficients(table, lambdas, d, j);
    out.train.push(rms(c, domain, x, y));
    out.heldout.push(rms(c, domain, hx, hy));
    out.size.push(Math.sqrt(c.slice(1).reduce((s, v) => s + v * v, 0)));
  }
  return out;
}

const fmtLambda = (v) => (v === 0 ? "0" : v.toExponential(0).replace("e-", "e−").replace("e+", "e"));
const sci = (v) => v.toExponential(1).replace("e+", "e").replace("e-", "e−");

function render({ model, el: host }) {
  const style = { ...FALLBACK_STYLE, ...(model.get("book_style") || {}) };
  const root = makeRoot("nnbook-overfit-lab");
  const x = floats(model.get("x")), y = floats(model.get("y")), hx = floats(model.get("heldout_x"));
  const allHy = floats(model.get("heldout_y")), lambdas = Array.from(floats(model.get("lambdas")));
  const table = floats(model.get("coef")), domain = model.get("domain");
  const condRaw = floats(model.get("cond_raw")), condScaled = floats(model.get("cond_scaled"));
  const [yLo, yHi] = model.get("y_clip"), draws = model.get("draws"), L = lambdas.length;
  const lambdaIndex = (v) => lambdas.reduce((best, l, i) => (Math.abs(l - v) < Math.abs(lambdas[best] - v) ? i : best), 0);
  const commit = (key, value) => { model.set(key, value); model.save_changes(); };

  const degree = slider({ label: "degree", min: 0, max: 16, step: 1, value: model.get("degree"), format: (v) => String(Math.round(v)),
                          oninput: (v) => commit("degree", Math.round(v)) });
  const lam = slider({ label: "ridge λ", min: 0, max: L - 1, step: 1, value: lambdaIndex(model.get("l2")),
                       format: (i) => fmtLambda(lambdas[Math.round(i)]), oninput: (i) => commit("l2", lambdas[Math.round(i)]) });
  const toggle = el("input", { type: "checkbox", id: `nnbook-heldout-${Math.random().toString(36).slice(2)}` });
  toggle.checked = model.get("show_heldout");
  toggle.addEventListener("change", () => commit("show_heldout", toggle.checked));
  const redraw = button("new held-out draw", () => commit("draw", (model.get("draw") + 1) % draws),
                        "draw new held-out points from the same process");
  const status = el("div", { class: "nnbook-status", role: "status", "aria-live": "polite" });
  const note = el("div", { class: "nnbook-message" });
  const left = canvas(360, 300, "Kneusel's 17 points, the held-out points and the fitted polynomial");
  const right = canvas(360, 300, "training and held-out error against the degree, and the size of the coefficients");
  root.append(el("div", { class: "nnbook-controls" }, degree.row, lam.row,
                 el("div", { class: "nnbook-row" }, toggle, el("label", { for: toggle.id }, "held-out points")),
                 el("div", { class: "nnbook-buttons" }, redraw)),
              status, note, el("div", { class: "nnbook-panels" }, left.node, right.node));
  host.append(root);
  const fitPanel = new Panel(left, [48, 22, 300, 246], style);
  const errPanel = new Panel(right, [52, 22, 296, 130], style), sizePanel = new Panel(right, [52, 190, 296, 78], style);
  const [ct, ch] = [style.colors[0], style.colors[1]];
  let frames = 0, pending = false;

  // values[i] at degree first + i, on a log scale; the current degree d drawn larger
  function logPlot(panel, values, color, marker, d, first = 0) {
    const logs = values.map((v) => Math.log10(Math.max(v, 1e-3)));
    panel.line(logs.map((_, i) => first + i), logs, color, { width: 1.5 });
    panel.clip((ctx) => {
      ctx.fillStyle = color;
      logs.forEach((v, i) => {
        const r = first + i === d ? 5 : 2.5, px = panel.px(first + i);
        if (marker === "square") ctx.fillRect(px - r, panel.py(v) - r, 2 * r, 2 * r);
        else { ctx.beginPath(); ctx.arc(px, panel.py(v), r, 0, 2 * Math.PI); ctx.fill(); }
      });
    });
  }

  function show() {
    pending = false;
    const d = model.get("degree"), j = lambdaIndex(model.get("l2")), k = model.get("draw"), withHeld = model.get("show_heldout");
    const hy = allHy.subarray(k * hx.length, (k + 1) * hx.length);
    const c = coefficients(table, L, d, j), e = errors({ table, lambdas: L, j, domain, x, y, hx, hy });
    const xs = linspace(domain[0], domain[1], 400), ps = curve(c, domain, xs);

    left.ctx.clearRect(0, 0, left.width, left.height);
    fitPanel.xlim = [domain[0] - 0.2, domain[1] + 0.2]; fitPanel.ylim = [yLo, yHi];
    fitPanel.line(xs, ps, ct);
    fitPanel.clip((ctx) => {
      ctx.fillStyle = "#000";
      for (let i = 0; i < x.length; i++) { ctx.beginPath(); ctx.arc(fitPanel.px(x[i]), fitPanel.py(y[i]), 3.5, 0, 2 * Math.PI); ctx.fill(); }
      if (withHeld) {
        ctx.strokeStyle = ch; ctx.lineWidth = 1.5;
        for (let i = 0; i < hx.length; i++) { ctx.beginPath(); ctx.arc(fitPanel.px(hx[i]), fitPanel.py(hy[i]), 3.5, 0, 2 * Math.PI); ctx.stroke(); }
      }
    });
    fitPanel.frame({ title: `degree ${d}, λ = ${fmtLambda(lambdas[j])}`, xlabel: "x" });
    fitPanel.legend([["fit", ct], ["17 points", "#000"], ...(withHeld ? [[`held out (draw ${k})`, ch]] : [])]);

    right.ctx.clearRect(0, 0, right.width, right.height);
    const logs = [...e.train, ...e.heldout].map((v) => Math.log10(Math.max(v, 1e-3)));
    errPanel.xlim = [-0.5, 16.5]; errPanel.ylim = [Math.floor(Math.min(...logs)), Math.ceil(Math.max(...logs))];
    errPanel.vline(d, "#888");
    logPlot(errPanel, e.train, ct, "circle", d);
    if (withHeld) logPlot(errPanel, e.heldout, ch, "square", d);
    errPanel.frame({ title: "RMS error (log scale)", ylabel: "log₁₀" });
    errPanel.legend([["training", ct], ...(withHeld ? [["held out", ch]] : [])], "right");
    const sizes = e.size.slice(1).map((v) => Math.log10(Math.max(v, 1e-3)));     // degree 0 has no c₁ … c_d
    sizePanel.xlim = [-0.5, 16.5]; sizePanel.ylim = [Math.min(0, Math.floor(Math.min(...sizes))), Math.ceil(Math.max(...sizes)) || 1];
    sizePanel.vline(d, "#888");
    logPlot(sizePanel, e.size.slice(1), "#555", "circle", d, 1);
    sizePanel.frame({ title: "coefficient size ‖(c₁ … c_d)‖ (log₁₀)", xlabel: "degree" });

    const lo = Math.min(...ps), hi = Math.max(...ps), out = lo < yLo || hi > yHi;
    const held = withHeld ? ` · held-out RMS ${e.heldout[d].toFixed(1)}` : "";
    status.textContent = `training RMS ${e.train[d].toFixed(d === 16 && j === 0 ? 4 : 1)}${held}` +
      (out ? ` · the curve leaves the plot: it spans ${lo.toFixed(0)} … ${hi.toFixed(0)} (y clipped to ${yLo} … ${yHi})` : "");
    if (condRaw[d] > 1e12) {
      message(note, `in raw powers of x this fit's condition number is ${sci(condRaw[d])}: solved directly it would lose ` +
        `about ${Math.round(Math.log10(condRaw[d]))} of float64's 16 digits; nnbook fits in scaled powers of t ∈ [−1, 1] ` +
        `(condition ${sci(condScaled[d])})${d === 16 && j === 0 ? "; degree 16 interpolates: 17 coefficients for 17 points" : ""}`, "note");
    } else message(note, "");
    degree.set(d); lam.set(j); toggle.checked = withHeld;
    frames += 1;
    root.dataset.frames = String(frames);
  }
  const schedule = () => { if (!pending) { pending = true; requestAnimationFrame(show); } };
  const keys = ["degree", "l2", "show_heldout", "draw"];
  for (const key of keys) model.on(`change:${key}`, schedule);
  show();
  return () => { for (const key of keys) model.off(`change:${key}`, schedule); };
}

export default { render };
