// Nielsen's learning slowdown (chapter 3), in the browser: one sigmoid neuron, input 1, target 0,
// trained from the same start with the quadratic cost and with the cross-entropy, side by side.
// The runs are losses.js's `slowdown`, equal to nnbook.train's to 1e-9.

import { slowdown } from "./losses.js";
import { sigmoid } from "./activations.js";
import { FALLBACK_STYLE, Panel, button, canvas, el, linspace, slider, root as makeRoot } from "./draw.js";

function render({ model, el: host }) {
  const style = { ...FALLBACK_STYLE, ...(model.get("book_style") || {}) };
  const root = makeRoot("nnbook-slowdown");
  const commit = (key, value) => { model.set(key, value); model.save_changes(); };
  const w = slider({ label: "w", min: -4, max: 4, step: 0.05, value: model.get("w"), oninput: (v) => commit("w", v) });
  const b = slider({ label: "b", min: -4, max: 4, step: 0.05, value: model.get("b"), oninput: (v) => commit("b", v) });
  const fmt = (v) => v.toPrecision(2);
  const lrq = slider({ label: "η quad.", min: 1e-3, max: 2, step: 0.01, log: true, value: model.get("lr_quadratic"), format: fmt,
                       oninput: (v) => commit("lr_quadratic", v) });
  const lrc = slider({ label: "η CE", min: 1e-4, max: 1, step: 0.01, log: true, value: model.get("lr_cross_entropy"), format: fmt,
                       oninput: (v) => commit("lr_cross_entropy", v) });
  const epochs = slider({ label: "epochs", min: 10, max: model.get("max_epochs"), step: 10, value: model.get("epochs"),
                          format: (v) => String(Math.round(v)), oninput: (v) => commit("epochs", Math.round(v)) });
  const presets = [[0.6, 0.9], [2, 2]].map(([pw, pb]) => button(`start (${pw}, ${pb})`, () => {
    model.set("w", pw); commit("b", pb);
  }, `start from w = ${pw}, b = ${pb}`));
  const status = el("div", { class: "nnbook-status", role: "status", "aria-live": "polite" });
  const left = canvas(360, 300, "the neuron's output and the cost per epoch, both costs");
  const right = canvas(360, 300, "the sigmoid, with the start and the factor σ′(z) of the quadratic cost's gradient");
  root.append(el("div", { class: "nnbook-controls" }, w.row, b.row, lrq.row, lrc.row, epochs.row,
                 el("div", { class: "nnbook-buttons" }, ...presets)),
              status, el("div", { class: "nnbook-panels" }, left.node, right.node));
  host.append(root);
  const outPanel = new Panel(left, [48, 22, 300, 100], style), costPanel = new Panel(left, [48, 168, 300, 100], style);
  const sigPanel = new Panel(right, [48, 22, 300, 246], style);
  let frames = 0, pending = false;

  function show() {
    pending = false;
    const start = { w: model.get("w"), b: model.get("b"), x: model.get("x"), y: model.get("y"), epochs: model.get("epochs") };
    const q = slowdown({ ...start, lr: model.get("lr_quadratic"), cost: "quadratic" });
    const c = slowdown({ ...start, lr: model.get("lr_cross_entropy"), cost: "cross_entropy" });
    const xs = q.a.map((_, i) => i), [cq, cc] = [style.colors[0], style.colors[3] || "#d62728"];
    left.ctx.clearRect(0, 0, left.width, left.height);
    outPanel.xlim = [0, start.epochs]; outPanel.ylim = [0, 1];
    outPanel.line(xs, q.a, cq); outPanel.line(xs, c.a, cc, { dash: [5, 3] });
    outPanel.frame({ title: "output a per epoch (target y = 0)" });
    const relative = (cost) => cost.map((v) => v / cost[0]);      // the two costs differ in scale: each / its start
    costPanel.xlim = [0, start.epochs]; costPanel.ylim = [0, 1.05];
    costPanel.line(xs, relative(q.cost), cq); costPanel.line(xs, relative(c.cost), cc, { dash: [5, 3] });
    costPanel.frame({ title: "cost / starting cost", xlabel: "epoch" });
    costPanel.legend([[`quadratic, η = ${fmt(model.get("lr_quadratic"))}`, cq], [`cross-entropy, η = ${fmt(model.get("lr_cross_entropy"))}`, cc, [5, 3]]], "bottom-left");

    right.ctx.clearRect(0, 0, right.width, right.height);
    const zs = linspace(-6, 6, 241), z0 = start.w * start.x + start.b;
    sigPanel.xlim = [-6, 6]; sigPanel.ylim = [-0.05, 1.05];
    sigPanel.line(zs, zs.map(sigmoid), "#555");
    sigPanel.line(zs, zs.map((z) => sigmoid(z) * (1 - sigmoid(z))), style.colors[1], { width: 1.5, dash: [5, 3] });
    sigPanel.clip((ctx) => {
      ctx.fillStyle = "#000";
      ctx.beginPath(); ctx.arc(sigPanel.px(z0), sigPanel.py(sigmoid(z0)), 5, 0, 2 * Math.PI); ctx.fill();
    });
    sigPanel.frame({ title: `start z = ${z0.toFixed(2)}: a = ${sigmoid(z0).toFixed(3)}, σ′(z) = ${(sigmoid(z0) * (1 - sigmoid(z0))).toFixed(4)}`,
                     xlabel: "z = wx + b" });
    sigPanel.legend([["σ(z)", "#555"], ["σ′(z)", style.colors[1], [5, 3]]]);
    const E = start.epochs, half = Math.floor(E / 2);
    status.textContent = `quadratic: a = ${q.a[0].toFixed(2)} → ${q.a[half].toFixed(2)} (epoch ${half}) → ${q.a[E].toFixed(2)} (epoch ${E}) · ` +
      `cross-entropy: ${c.a[0].toFixed(2)} → ${c.a[half].toFixed(2)} → ${c.a[E].toFixed(2)}`;
    w.set(start.w); b.set(start.b); lrq.set(model.get("lr_quadratic")); lrc.set(model.get("lr_cross_entropy")); epochs.set(E);
    frames += 1;
    root.dataset.frames = String(frames);
  }
  const schedule = () => { if (!pending) { pending = true; requestAnimationFrame(show); } };
  const keys = ["w", "b", "lr_quadratic", "lr_cross_entropy", "epochs"];
  for (const key of keys) model.on(`change:${key}`, schedule);
  show();
  return () => { for (const key of keys) model.off(`change:${key}`, schedule); };
}

export default { render };
