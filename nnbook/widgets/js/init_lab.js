// The init lab (chapter 4), in the browser: a random deep net at initialization, its activations
// and deltas layer by layer.  Scheme, activation, depth, width, input scale and batch norm →
// the std of a(l) and δ(l) across depth (log scale) and their histograms at five layers.
// The numbers are signals.js's, equal to nnbook.signals.propagate within 1e-9.

import { labSignals, moments } from "./signals.js";
import { FALLBACK_STYLE, Panel, canvas, el, message, root as makeRoot, select, slider } from "./draw.js";

const BINS = 50;

// the (at most five) layers whose histograms are drawn: 1 … D evenly spaced (init_lab.shown_layers)
export function shownLayers(depth) {
  const out = new Set();
  for (let k = 0; k < 5; k++) out.add(Math.round(1 + (k * (depth - 1)) / 4));
  return [...out].sort((p, q) => p - q);
}

// a histogram on a common range for the shown layers: [centres, fractions per layer]
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

const summary = (values) => ({ values, ...moments(values) });
const sci = (v) => (v === 0 ? "0" : Number.isFinite(v) ? v.toExponential(1) : String(v));

function render({ model, el: host }) {
  const style = { ...FALLBACK_STYLE, ...(model.get("book_style") || {}) };
  const root = makeRoot("nnbook-init-lab");
  const commit = (key, value) => { model.set(key, value); model.save_changes(); };
  const int = (v) => String(Math.round(v));
  const depth = slider({ label: "depth", min: 1, max: model.get("max_depth"), step: 1, value: model.get("depth"), format: int,
                         oninput: (v) => commit("depth", Math.round(v)) });
  const width = slider({ label: "width", min: 2, max: model.get("max_width"), step: 1, value: model.get("width"), format: int,
                         oninput: (v) => commit("width", Math.round(v)) });
  const scale = slider({ label: "input std", min: 0.01, max: 100, step: 0.01, log: true, value: model.get("input_scale"),
                         format: (v) => v.toPrecision(2), oninput: (v) => commit("input_scale", v) });
  const schemes = model.get("schemes");
  const scheme = select({ label: "init", options: Object.entries(schemes).map(([k, row]) => [k, row.label]),
                          value: model.get("scheme"), onchange: (v) => commit("scheme", v) });
  const act = select({ label: "f", options: ["sigmoid", "tanh", "relu", "identity"].map((a) => [a, a]),
                       value: model.get("activation"), onchange: (v) => commit("activation", v) });
  const bn = select({ label: "batch norm", options: [["off", "off"], ["on", "on: normalize every z"]],
                      value: model.get("batch_norm") ? "on" : "off", onchange: (v) => commit("batch_norm", v === "on") });
  const status = el("div", { class: "nnbook-status", role: "status", "aria-live": "polite" });
  const note = el("div", { class: "nnbook-message", role: "status" });
  const top = canvas(640, 230, "the standard deviation of the activations and of the deltas at every layer, log scale");
  const histA = canvas(320, 220, "histograms of the activations at five layers");
  const histD = canvas(320, 220, "histograms of the deltas at five layers");
  root.append(el("div", { class: "nnbook-controls" }, depth.row, width.row, scale.row, scheme.row, act.row, bn.row),
              status, note, top.node, el("div", { class: "nnbook-panels" }, histA.node, histD.node));
  host.append(root);
  const stdPanel = new Panel(top, [56, 24, 560, 168], style);
  const aPanel = new Panel(histA, [40, 24, 268, 160], style), dPanel = new Panel(histD, [40, 24, 268, 160], style);
  let frames = 0, pending = false;
  const cache = new Map();            // base draws per (kind, seed, width), as deep as drawn so far

  function compute() {
    const settings = { schemes, scheme: model.get("scheme"), activation: model.get("activation"), depth: model.get("depth"),
                       width: model.get("width"), inputScale: model.get("input_scale"), batchNorm: model.get("batch_norm"),
                       seed: model.get("seed"), samples: model.get("samples") };
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
    const logs = (xs) => xs.map((v) => (v > 0 && Number.isFinite(v) ? Math.log10(v) : NaN));
    const la = logs(out.aStd), ld = logs(out.deltaStd), all = [...la, ...ld].filter(Number.isFinite);
    const lo = all.length ? Math.floor(Math.min(...all)) : -1, hi = all.length ? Math.ceil(Math.max(...all)) : 1;
    stdPanel.xlim = [0.5, settings.depth + 0.5];
    stdPanel.ylim = [lo - (hi === lo ? 1 : 0), hi + (hi === lo ? 1 : 0)];
    const [ca, cd] = [style.colors[0], style.colors[1]];
    stdPanel.line(layers, la, ca);
    stdPanel.line(layers, ld, cd, { dash: [5, 3] });
    stdPanel.frame({ title: `std across depth (log₁₀): ${schemes[settings.scheme].label}, ${settings.activation}`,
                     xlabel: "layer l", ylabel: "log₁₀ std" });
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
    status.textContent = `layer 1 → ${D}: std of a ${sci(out.aStd[0])} → ${sci(out.aStd[D - 1])}; ` +
      `std of δ ${sci(out.deltaStd[0])} → ${sci(out.deltaStd[D - 1])}`;
    const [text, kind] = verdict(settings, out);
    message(note, text, kind);
    if (model.get("message") !== text) commit("message", text);
    depth.set(D); width.set(settings.width); scale.set(settings.inputScale);
    scheme.input.value = settings.scheme; act.input.value = settings.activation; bn.input.value = settings.batchNorm ? "on" : "off";
    root.dataset.stats = JSON.stringify({ aStd: out.aStd, deltaStd: out.deltaStd });
    root.dataset.computeMs = (t1 - t0).toFixed(1);
    root.dataset.drawMs = (performance.now() - t0).toFixed(1);
    frames += 1;
    root.dataset.frames = String(frames);
  }
  const schedule = () => { if (!pending) { pending = true; requestAnimationFrame(show); } };
  const keys = ["scheme", "activation", "depth", "width", "input_scale", "batch_norm", "seed"];
  for (const key of keys) model.on(`change:${key}`, schedule);
  show();
  return () => { for (const key of keys) model.off(`change:${key}`, schedule); };
}

export default { render };
