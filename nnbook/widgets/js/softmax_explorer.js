// The softmax / cross-entropy explorer (chapter 3), in the browser: logits of 3–5 classes, the true
// class and a temperature → the probabilities, the softmax cross-entropy, the focal loss and
// the multiclass hinge, and the gradient p − y of the cross-entropy.  The numbers are losses.js's,
// equal to nnbook.losses' within 1e-12.

import { crossEntropy, focal, multiclassHinge, softmax } from "./losses.js";
import { FALLBACK_STYLE, Panel, canvas, el, select, slider, root as makeRoot } from "./draw.js";

const MAX_CLASSES = 5;

function render({ model, el: host }) {
  const style = { ...FALLBACK_STYLE, ...(model.get("book_style") || {}) };
  const root = makeRoot("nnbook-softmax-explorer");
  const commit = (key, value) => { model.set(key, value); model.save_changes(); };
  const logitSliders = Array.from({ length: MAX_CLASSES }, (_, j) => slider({
    label: `z${j + 1}`, min: -10, max: 10, step: 0.01, value: model.get("logits")[j] ?? 0,
    oninput: (v) => { const z = model.get("logits").slice(); z[j] = v; commit("logits", z); },
  }));
  const classes = select({ label: "classes", options: [3, 4, 5].map((k) => [String(k), String(k)]), value: String(model.get("logits").length),
                           onchange: (v) => {
                             const k = Number(v), z = model.get("logits").slice(0, k);
                             while (z.length < k) z.push(0);
                             model.set("logits", z);
                             commit("true_class", Math.min(model.get("true_class"), k - 1));
                           } });
  const truth = select({ label: "true class", options: Array.from({ length: MAX_CLASSES }, (_, j) => [String(j), `class ${j + 1}`]),
                         value: String(model.get("true_class")), onchange: (v) => commit("true_class", Number(v)) });
  const temp = slider({ label: "T", min: 0.1, max: 10, step: 0.01, log: true, value: model.get("temperature"),
                        format: (v) => v.toPrecision(2), oninput: (v) => commit("temperature", v) });
  const gamma = slider({ label: "focal γ", min: 0, max: 5, step: 0.1, value: model.get("gamma"), format: (v) => v.toFixed(1),
                         oninput: (v) => commit("gamma", v) });
  const margin = slider({ label: "margin", min: 0, max: 2, step: 0.05, value: model.get("margin"), oninput: (v) => commit("margin", v) });
  const status = el("div", { class: "nnbook-status", role: "status", "aria-live": "polite" });
  const bars = canvas(420, 300, "probabilities and the gradient p − y per class");
  root.append(el("div", { class: "nnbook-controls" }, classes.row, truth.row, ...logitSliders.map((s) => s.row), temp.row, gamma.row, margin.row),
              status, el("div", { class: "nnbook-panels" }, bars.node));
  host.append(root);
  const pPanel = new Panel(bars, [48, 22, 360, 110], style), gPanel = new Panel(bars, [48, 170, 360, 100], style);
  let frames = 0, pending = false;

  function barChart(panel, values, colors) {
    const k = values.length, width = panel.width / k;
    panel.clip((ctx) => {
      values.forEach((v, j) => {
        ctx.fillStyle = colors[j];
        const y0 = panel.py(0), y1 = panel.py(v);
        ctx.fillRect(panel.left + j * width + width * 0.2, Math.min(y0, y1), width * 0.6, Math.abs(y1 - y0));
      });
    });
    panel.line([panel.xlim[0], panel.xlim[1]], [0, 0], "#888", { width: 1 });
  }

  function show() {
    pending = false;
    const z = model.get("logits"), k = z.length, c = Math.min(model.get("true_class"), k - 1), T = model.get("temperature");
    const scaled = z.map((v) => v / T), p = softmax(scaled);
    const grad = p.map((v, j) => v - (j === c ? 1 : 0));
    const ce = crossEntropy(scaled, c), fl = focal(p[c], model.get("gamma")), hinge = multiclassHinge(z, c, model.get("margin"));
    bars.ctx.clearRect(0, 0, bars.width, bars.height);
    const colors = p.map((_, j) => (j === c ? style.colors[2] || "#2ca02c" : style.colors[0]));
    pPanel.xlim = [0, k]; pPanel.ylim = [0, 1];
    barChart(pPanel, p, colors);
    const ticks = p.map((_, j) => [j + 0.5, `class ${j + 1}`]);
    pPanel.frame({ title: `p = softmax(z / T): ${p.map((v) => v.toPrecision(3)).join(", ")}`, xticks: ticks });
    gPanel.xlim = [0, k]; gPanel.ylim = [-1, 1];
    barChart(gPanel, grad, colors);
    gPanel.frame({ title: "∂CE/∂(z/T) = p − y (the true class in green)", xticks: ticks });
    status.textContent = `cross-entropy ${ce.toPrecision(6)} · focal (γ = ${model.get("gamma")}) ${fl.toPrecision(4)} · ` +
      `hinge (margin ${model.get("margin")}, on z) ${hinge.toPrecision(4)}`;
    logitSliders.forEach((s, j) => { s.row.style.display = j < k ? "" : "none"; if (j < k) s.set(z[j]); });
    classes.input.value = String(k);
    for (const option of truth.input.options) option.disabled = Number(option.value) >= k;
    truth.input.value = String(c);
    temp.set(T); gamma.set(model.get("gamma")); margin.set(model.get("margin"));
    frames += 1;
    root.dataset.frames = String(frames);
    root.dataset.values = JSON.stringify({ p, ce, focal: fl, hinge });
  }
  const schedule = () => { if (!pending) { pending = true; requestAnimationFrame(show); } };
  const keys = ["logits", "true_class", "temperature", "gamma", "margin"];
  for (const key of keys) model.on(`change:${key}`, schedule);
  show();
  return () => { for (const key of keys) model.off(`change:${key}`, schedule); };
}

export default { render };
