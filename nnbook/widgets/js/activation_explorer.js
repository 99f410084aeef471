// The activation explorer (chapter 0), drawn and computed in the browser: pick f, drag w and
// b of one neuron a = f(wx + b) and the parameter of f.  Left: f(z), f′(z), the band where
// abs(f′) < ε and the net inputs the neuron sees; right: a and ∂a/∂b = f′(wx + b) against x.
// The Python class (nnbook.widgets.ActivationExplorer) holds the state as traits; the
// numbers are nnbook's (activations.js, checked against nnbook.activations).

import { activation } from "./activations.js";
import { FALLBACK_STYLE, Panel, button, canvas, el, limits, linspace, message, select, slider, root as makeRoot } from "./draw.js";

const N_POINTS = 601;

export function draw(state, left, right, style) {
  const { name, w, b, eps } = state;
  const [lo, hi] = state.x_range;
  const act = activation(name, state.param);
  const z = linspace(lo, hi, N_POINTS);
  const f = z.map(act.f), df = z.map(act.df);
  const zx = z.map((x) => w * x + b), a = zx.map(act.f), da = zx.map(act.df);
  if (![...f, ...df].every(Number.isFinite)) return ["error", "f(z) or f′(z) overflows float64 on this range"];
  if (![...zx, ...a, ...da].every(Number.isFinite)) return ["error", "w, b: the neuron's output overflows on this x-range"];
  const [c0, c1, c2] = style.colors;
  const grey = "rgba(128, 128, 128, 0.18)";
  const entry = state.table.find((t) => t.name === name) || { range: "" };
  const label = name + (act.param ? ` (${act.param} = ${act.value.toFixed(2)})` : "");

  left.clear();
  left.xlim = [lo, hi];
  left.ylim = limits(f, df);
  left.band(z, df.map((v) => Math.abs(v) < eps), grey);
  const [zlo, zhi] = [w * lo + b, w * hi + b].sort((p, q) => p - q);
  if (Math.min(zhi, hi) > Math.max(zlo, lo)) left.rect(Math.max(zlo, lo), Math.min(zhi, hi), 0.04, "rgba(44, 160, 44, 0.7)");
  left.line([lo, hi], [0, 0], "#999", { width: 0.8 });
  left.line(z, f, c0);
  left.line(z, df, c1, { width: 1.5, dash: [5, 3] });
  left.frame({ title: `${label}\nrange ${entry.range}, max f′ = ${Math.max(...df).toFixed(3)}`, xlabel: "net input z" });
  left.legend([["f(z)", c0], ["f′(z)", c1, [5, 3]], ["abs(f′) < ε", grey], ["the neuron's z", c2]]);

  const saturated = da.map((v) => Math.abs(v) < eps);
  const share = saturated.filter(Boolean).length / saturated.length;
  right.clear();
  right.xlim = [lo, hi];
  right.ylim = limits(a, da);
  right.band(z, saturated, grey);
  right.line([lo, hi], [0, 0], "#999", { width: 0.8 });
  const x0 = w !== 0 ? -b / w : NaN;
  if (lo <= x0 && x0 <= hi) right.vline(x0, c2);
  right.line(z, a, c0);
  right.line(z, da, c1, { width: 1.5, dash: [5, 3] });
  const sign = b >= 0 ? "+" : "−";
  right.frame({ title: `a = f(${w.toFixed(2)}·x ${sign} ${Math.abs(b).toFixed(2)})\nsaturated (abs(f′) < ${eps.toPrecision(2).replace(/\.?0+$/, "")}) on ${Math.round(100 * share)}% of x`,
                xlabel: "input x" });
  right.legend([["a = f(wx + b)", c0], ["∂a/∂b = f′(wx + b)", c1, [5, 3]], ["saturated", grey], ["z = 0", c2, [2, 3]]]);

  if (da.every((v) => v === 0)) return ["note", "f′(wx + b) = 0 for every x in the range: no gradient reaches w or b, so training cannot move this neuron."];
  if (saturated.every(Boolean)) return ["note", `the neuron is saturated on the whole x-range: abs(f′(wx + b)) < ${eps} everywhere, so the gradients through it nearly vanish.`];
  if (w === 0) return ["note", "w = 0: the output does not depend on x."];
  return ["", ""];
}

function render({ model, el: host }) {
  const style = { ...FALLBACK_STYLE, ...(model.get("book_style") || {}) };
  const table = model.get("table");
  const root = makeRoot("nnbook-activation-explorer");
  const state = () => ({ name: model.get("name"), param: model.get("param"), w: model.get("w"), b: model.get("b"),
                         x_range: model.get("x_range"), eps: model.get("eps"), table });
  const commit = (changes) => {
    for (const [key, value] of Object.entries(changes)) model.set(key, value);
    model.save_changes();
    schedule();
  };
  const entry = (name) => table.find((t) => t.name === name);
  const fn = select({ label: "f", options: table.map((t) => [t.name, t.name]), value: model.get("name"),
                      onchange: (name) => {
                        const t = entry(name);
                        commit({ name, param: t.param ? t.default : null });
                      } });
  const param = slider({ label: "param", min: 0, max: 1, step: 0.01, value: 0, oninput: (v) => commit({ param: v }) });
  const w = slider({ label: "w", min: -5, max: 5, step: 0.05, value: model.get("w"), oninput: (v) => commit({ w: v }) });
  const b = slider({ label: "b", min: -10, max: 10, step: 0.1, value: model.get("b"), oninput: (v) => commit({ b: v }) });
  const xlo = slider({ label: "x from", min: -20, max: 20, step: 0.5, value: model.get("x_range")[0], format: (v) => v.toFixed(1),
                       oninput: (v) => commit({ x_range: [Math.min(v, model.get("x_range")[1] - 0.5), model.get("x_range")[1]] }) });
  const xhi = slider({ label: "x to", min: -20, max: 20, step: 0.5, value: model.get("x_range")[1], format: (v) => v.toFixed(1),
                       oninput: (v) => commit({ x_range: [model.get("x_range")[0], Math.max(v, model.get("x_range")[0] + 0.5)] }) });
  const eps = slider({ label: "ε", min: 1e-4, max: 0.1, step: 0.1, value: model.get("eps"), log: true,
                       format: (v) => v.toExponential(0), oninput: (v) => commit({ eps: v }) });
  const reset = button("reset", () => {
    const t = entry("sigmoid");
    commit({ name: t.name, param: null, w: 1, b: 0, x_range: [-6, 6], eps: 0.01 });
  }, "reset the explorer");
  const note = el("div", { class: "nnbook-message", role: "status", "aria-live": "polite" });
  const surfaceL = canvas(380, 280, "f(z) and f′(z)"), surfaceR = canvas(380, 280, "the neuron's output a and ∂a/∂b against x");
  const box = [50, 40, 318, 200];
  const left = new Panel(surfaceL, box, style), right = new Panel(surfaceR, box, style);
  root.append(el("div", { class: "nnbook-controls" }, w.row, b.row, fn.row, param.row, xlo.row, xhi.row, eps.row,
                 el("div", { class: "nnbook-buttons" }, reset)),
              note, el("div", { class: "nnbook-panels" }, surfaceL.node, surfaceR.node));
  host.append(root);

  let frames = 0, pending = false;
  function show() {
    pending = false;
    const s = state();
    const t = entry(s.name);
    fn.input.value = s.name;
    param.row.style.visibility = t && t.param ? "visible" : "hidden";
    if (t && t.param) {
      param.row.querySelector("label").textContent = t.label;
      param.setRange(Math.min(t.lo, s.param ?? t.default), Math.max(t.hi, s.param ?? t.default), t.step);
      param.set(s.param ?? t.default);
    }
    w.set(s.w); b.set(s.b); xlo.set(s.x_range[0]); xhi.set(s.x_range[1]); eps.set(s.eps);
    const start = performance.now();
    const [kind, text] = draw(s, left, right, style);
    message(note, text, kind);
    if (model.get("message") !== text) { model.set("message", text); model.save_changes(); }
    frames += 1;
    root.dataset.frames = String(frames);               // tests and benchmarks wait on this
    root.dataset.drawMs = (performance.now() - start).toFixed(2);
  }
  function schedule() {
    if (!pending) { pending = true; requestAnimationFrame(show); }
  }
  const names = ["name", "param", "w", "b", "x_range", "eps"];
  for (const key of names) model.on(`change:${key}`, schedule);
  show();
  return () => { for (const key of names) model.off(`change:${key}`, schedule); };
}

export default { render };
