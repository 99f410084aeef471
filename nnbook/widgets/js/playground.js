// The two-moons playground (chapter 6), trained and drawn in the browser: TensorFlow
// Playground's controls and views, plus what its users ask for (cross-entropy, momentum and
// Adam, L1 or L2, dropout, the book's initializations), on nnbook's numbers (mlp.js,
// playground_data.js).  Views: the decision boundary over the points (or one unit's output,
// when the reader clicks it in the network), the network with each unit's output as a small
// map and the weights as links (width: size, colour: sign; dead units crossed out), and the
// loss per epoch.  The configuration lives in the page's URL hash (a link restores it) and
// "copy as Python" gives the nnbook code that trains the same network.

import { FALLBACK_STYLE, Panel, button, canvas, el, hexToRgb, message, select, slider, root as makeRoot } from "./draw.js";
import { EXTENT, features as featureMap, fromHash, makeRun, pythonCode, toHash } from "./playground_data.js";

const GRID = 48;                        // the boundary's cells per side (the unit maps use them too)
const VIEW = 1.75 * EXTENT;             // the plot shows [−VIEW, VIEW]²
const WORK_MS = 8;                      // the most a frame trains, so the page stays responsive
const SPEEDS = [["1", "1 epoch per frame"], ["0", "as fast as it can"]];
const POSITIVE = "#1f77b4", NEGATIVE = "#ff7f0e";

const largest = (values) => { let m = 1e-12; for (const v of values) m = Math.max(m, Math.abs(v)); return m; };
const pct = (v) => `${Math.round(100 * v)} %`;
const FEATURE_LABELS = { x1: "x₁", x2: "x₂", "x1^2": "x₁²", "x2^2": "x₂²", "x1*x2": "x₁x₂", "sin(x1)": "sin x₁", "sin(x2)": "sin x₂" };
const NAMED = { he: "He", glorot: "Glorot", xavier: "Xavier", lecun: "LeCun" };
const initLabel = (name) => name.split("_").map((w, i) => (i === 0 && NAMED[w]) || w).join(" ");      // he_normal → He normal

let boxes = 0;
function checkbox(label, checked, onchange) {
  const id = `nnbook-playground-box-${++boxes}`, input = el("input", { type: "checkbox", id });
  input.checked = checked;
  input.addEventListener("change", () => onchange(input.checked));
  return { node: el("span", { class: "nnbook-check" }, input, " ", el("label", { for: id }, label)), input };
}

// a configuration from the hash, kept only where it is valid for the playground's options
function sanitize(c, o, defaults) {
  const out = { ...defaults, ...c }, ok = (key, good) => { if (!good) out[key] = defaults[key]; };
  const num = (v, lo, hi) => typeof v === "number" && Number.isFinite(v) && v >= lo && v <= hi;
  ok("dataset", o.sets.includes(out.dataset));
  ok("n", Number.isInteger(out.n) && num(out.n, 4, 2000));
  ok("noise", num(out.noise, 0, 0.5));
  ok("classes", Number.isInteger(out.classes) && num(out.classes, 2, 4));
  ok("train_ratio", num(out.train_ratio, 0.1, 0.9));
  ok("seed", Number.isInteger(out.seed) && num(out.seed, 0, 99));
  ok("features", Array.isArray(out.features) && out.features.length > 0 && out.features.every((f) => o.features.includes(f))
     && new Set(out.features).size === out.features.length);
  ok("layers", Array.isArray(out.layers) && out.layers.length <= o.max_layers && out.layers.every((u) => Number.isInteger(u) && num(u, 1, o.max_units)));
  if (!(Array.isArray(out.activations) && out.activations.length === out.layers.length && out.activations.every((a) => o.activations.includes(a)))) {
    out.activations = out.layers.map(() => "relu");
  }
  ok("init", o.inits.includes(out.init));
  ok("loss", o.losses.includes(out.loss));
  ok("optimizer", o.optimizers.includes(out.optimizer));
  ok("lr", num(out.lr, ...o.lr_range));
  ok("batch_size", Number.isInteger(out.batch_size) && num(out.batch_size, 1, 2000));
  ok("regularization", ["none", "l1", "l2"].includes(out.regularization));
  ok("lam", num(out.lam, ...o.lam_range));
  ok("dropout", num(out.dropout, 0, 0.9));
  ok("points", Array.isArray(out.points) && out.points.every((p) => Array.isArray(p) && p.length === 3 && num(p[0], -1e6, 1e6)
     && num(p[1], -1e6, 1e6) && Number.isInteger(p[2]) && num(p[2], 0, 3)));
  if (!out.layers.length) out.dropout = 0;
  return out;
}

function render({ model, el: host }) {
  const style = { ...FALLBACK_STYLE, ...(model.get("book_style") || {}) };
  const o = model.get("options"), defaults = model.get("defaults"), states = model.get("seed_states");
  const keys = Object.keys(defaults);
  const inLab = () => Boolean(document.querySelector(".jp-LabShell, .jp-NotebookPanel"));
  let run = null, playing = false, frames = 0, shownEpoch = -1, selected = null, customClass = 0, notice = null;

  const config = () => {               // one activation per layer, even while the two traits change
    const c = Object.fromEntries(keys.map((k) => [k, model.get(k)]));
    c.activations = c.layers.map((_, l) => c.activations[l] || c.activations.at(-1) || "relu");
    return c;
  };
  const commit = (key, value) => {
    if (JSON.stringify(model.get(key)) === JSON.stringify(value)) return;
    model.set(key, value);
    model.save_changes();
  };
  const commitMany = (values) => { for (const [k, v] of Object.entries(values)) model.set(k, v); model.save_changes(); };

  // --- the controls ---------------------------------------------------------------------
  const root = makeRoot("nnbook-playground");
  const sel = (label, key, options, cast = (v) => v) => select({ label, options, value: String(model.get(key)), onchange: (v) => commit(key, cast(v)) });
  const dataset = sel("data", "dataset", o.sets.map((s) => [s, { moons: "two moons", circles: "circles", xor: "XOR", spirals: "spirals", blobs: "Gaussian blobs", custom: "your points (click the map)", plane: "plane (regression)", bumps: "Gaussian bumps (regression)" }[s]]));
  const classes = slider({ label: "classes", min: 2, max: 4, step: 1, value: model.get("classes"), format: (v) => String(Math.round(v)), oninput: (v) => commit("classes", Math.round(v)) });
  const count = slider({ label: "points", min: 50, max: 1000, step: 50, value: model.get("n"), format: (v) => String(Math.round(v)), oninput: (v) => commit("n", Math.round(v)) });
  const noise = slider({ label: "noise", min: 0, max: 0.5, step: 0.01, value: model.get("noise"), oninput: (v) => commit("noise", Math.round(v * 100) / 100) });
  const ratio = slider({ label: "train", min: 0.1, max: 0.9, step: 0.05, value: model.get("train_ratio"), format: pct,
                         oninput: (v) => commit("train_ratio", Math.round(v * 20) / 20) });
  const seed = slider({ label: "seed", min: 0, max: states.length - 1, step: 1, value: model.get("seed"), format: (v) => String(Math.round(v)), oninput: (v) => commit("seed", Math.round(v)) });
  const regenerate = button("regenerate", () => commit("seed", (model.get("seed") + 1) % states.length), "new points and new weights: the next seed");
  const classToggle = button("adding class 0", () => { customClass = (customClass + 1) % 3; classToggle.textContent = `adding class ${customClass}`; }, "the class of the points a click adds");
  const clearPoints = button("clear points", () => commit("points", []), "remove your points");
  const featureBoxes = o.features.map((f) => checkbox(FEATURE_LABELS[f], model.get("features").includes(f), (on) => {
    const now = model.get("features"), next = o.features.filter((g) => (g === f ? on : now.includes(g)));
    if (next.length) commit("features", next); else featureBoxes.find((b) => b.f === f).input.checked = true;
  }));
  featureBoxes.forEach((b, i) => { b.f = o.features[i]; });
  const depth = slider({ label: "hidden layers", min: 0, max: o.max_layers, step: 1, value: model.get("layers").length, format: (v) => String(Math.round(v)),
                         oninput: (v) => {
                           const L = Math.round(v), layers = model.get("layers").slice(0, L), acts = model.get("activations").slice(0, L);
                           while (layers.length < L) { layers.push(layers.at(-1) || 4); acts.push(acts.at(-1) || "relu"); }
                           commitMany({ layers, activations: acts, dropout: L ? model.get("dropout") : 0 });
                         } });
  const layerRows = el("div", { class: "nnbook-controls" });
  const init = sel("init", "init", o.inits.map((s) => [s, initLabel(s)]));
  const loss = sel("loss", "loss", [["bce", "binary cross-entropy"], ["mse", "quadratic (MSE)"], ["cross_entropy", "softmax cross-entropy"]]);
  const opt = sel("optimizer", "optimizer", o.optimizers.map((s) => [s, { sgd: "SGD", momentum: "momentum", nesterov: "Nesterov", adagrad: "AdaGrad", rmsprop: "RMSProp", adam: "Adam" }[s]]));
  const lr = slider({ label: "η", min: o.lr_range[0], max: o.lr_range[1], step: 0.01, log: true, value: model.get("lr"), format: (v) => v.toPrecision(2),
                      oninput: (v) => commit("lr", Number(v.toPrecision(3))) });
  const batch = sel("batch", "batch_size", o.batch_sizes.map((b) => [String(b), String(b)]), Number);
  const reg = sel("penalty", "regularization", [["none", "none"], ["l1", "L1"], ["l2", "L2"]]);
  const lam = slider({ label: "λ", min: o.lam_range[0], max: o.lam_range[1], step: 0.01, log: true, value: model.get("lam"), format: (v) => v.toPrecision(2),
                       oninput: (v) => commit("lam", Number(v.toPrecision(3))) });
  const dropout = slider({ label: "dropout", min: 0, max: 0.9, step: 0.05, value: model.get("dropout"), oninput: (v) => commit("dropout", Math.round(v * 20) / 20) });
  const speed = select({ label: "speed", options: SPEEDS, value: "1", onchange: () => {} });
  const showTest = checkbox("show test points", true, () => drawAll());            // views only: not in the link
  const discrete = checkbox("discretize output", false, () => drawAll());
  const play = button("play", () => (playing ? pause() : start()), "play or pause training");
  const step = button("step", () => { pause(); if (run?.trainer) { run.trainer.run(Infinity, run.trainer.epoch + 1); sync(); drawAll(); } }, "train one epoch");
  const reset = button("reset", () => { pause(); restart(); }, "start again at epoch 0");
  const copy = button("copy as Python", () => copyText(pythonCode(config(), run?.trainer ? run.trainer.epoch : 0), "the Python code"), "copy nnbook code that trains this network");
  const link = button("copy link", () => copyText(location.href.split("#")[0] + toHash(config(), defaults), "a link to this configuration"), "copy a link to this configuration");
  const status = el("div", { class: "nnbook-status", role: "status", "aria-live": "polite" });
  const note = el("div", { class: "nnbook-message" });
  const code = el("pre", { class: "nnbook-code", hidden: "" });

  const boundary = canvas(320, 320, "decision boundary over the points; click to add a point to your own set");
  const network = canvas(640, 300, "the network: each unit's output as a small map, the weights as links; click a unit to enlarge it");
  const curves = canvas(320, 220, "training and test loss per epoch");
  const group = (title, ...rows) => el("fieldset", { class: "nnbook-group" }, el("legend", {}, title), ...rows);
  root.append(el("style", {}, `.nnbook-playground fieldset { border: 1px solid #ddd; margin: 0 0 6px; padding: 2px 8px 6px; }
.nnbook-playground .nnbook-check { margin-right: 10px; white-space: nowrap; }
.nnbook-playground .nnbook-code { font-size: 11px; max-height: 14em; overflow: auto; background: #f6f6f6; padding: 6px; white-space: pre; }`),
  group("data", el("div", { class: "nnbook-controls" }, dataset.row, noise.row, ratio.row, count.row, seed.row, classes.row),
        el("div", { class: "nnbook-buttons" }, regenerate, classToggle, clearPoints)),
  group("network", el("div", {}, ...featureBoxes.map((b) => b.node)), el("div", { class: "nnbook-controls" }, depth.row, init.row), layerRows),
  group("training", el("div", { class: "nnbook-controls" }, loss.row, opt.row, lr.row, batch.row, reg.row, lam.row, dropout.row, speed.row)),
  el("div", { class: "nnbook-buttons" }, play, step, reset, copy, link), el("div", {}, showTest.node, discrete.node), status, note,
  el("div", { class: "nnbook-panels" }, boundary.node, curves.node), network.node, code);
  host.append(root);

  function copyText(text, what) {
    code.hidden = false;
    code.textContent = text;
    navigator.clipboard?.writeText(text).then(() => { notice = ["note", `copied ${what}`]; showStatus(); }, () => {});
  }

  function layerControls() {
    const layers = model.get("layers"), acts = model.get("activations");
    layerRows.replaceChildren(...layers.map((units, l) => {
      const s = slider({ label: `layer ${l + 1}`, min: 1, max: o.max_units, step: 1, value: units, format: (v) => `${Math.round(v)} units`,
                         oninput: (v) => { const next = model.get("layers").slice(); next[l] = Math.round(v); commit("layers", next); } });
      const a = select({ label: `activation ${l + 1}`, options: o.activations.map((n) => [n, n === "identity" ? "linear" : n.replace("_", " ")]), value: acts[l],
                         onchange: (v) => { const next = model.get("activations").slice(); next[l] = v; commit("activations", next); } });
      return [s.row, a.row];
    }).flat());
  }

  function showControls() {
    const c = config();
    dataset.input.value = c.dataset; classes.set(c.classes); count.set(c.n); noise.set(c.noise); ratio.set(c.train_ratio); seed.set(c.seed);
    classes.input.disabled = !["spirals", "blobs"].includes(c.dataset);
    count.input.disabled = noise.input.disabled = c.dataset === "custom";
    classToggle.hidden = clearPoints.hidden = c.dataset !== "custom";
    featureBoxes.forEach((b) => { b.input.checked = c.features.includes(b.f); });
    depth.set(c.layers.length); init.input.value = c.init; loss.input.value = c.loss; opt.input.value = c.optimizer;
    lr.set(c.lr); batch.input.value = String(c.batch_size); reg.input.value = c.regularization; lam.set(c.lam); dropout.set(c.dropout);
    lam.input.disabled = c.regularization === "none";
    dropout.input.disabled = !c.layers.length;
    layerControls();
  }

  // --- the run --------------------------------------------------------------------------
  const bPanel = new Panel(boundary, [40, 26, 268, 262], style);
  bPanel.xlim = [-VIEW, VIEW]; bPanel.ylim = [-VIEW, VIEW];
  const lPanel = new Panel(curves, [46, 26, 262, 150], style);
  const image = new ImageData(GRID, GRID), offscreen = document.createElement("canvas");
  offscreen.width = offscreen.height = GRID;
  const cmap = (style.cmap || []).map(hexToRgb);
  let gridFeatures = null, unitValues = [], outputValues = null;

  function restart() {
    const c = config();
    selected = null;
    notice = null;
    shownEpoch = -1;
    if (c.dataset === "custom" && c.points.length < 2) {
      run = { error: null, empty: true, data: { X: new Float64Array(c.points.flatMap((p) => [p[0], p[1]])), y: Int32Array.from(c.points, (p) => p[2]), Xtest: new Float64Array(0), ytest: new Int32Array(0) } };
    } else {
      run = makeRun(c, states[c.seed]);
      if (run.trainer && !run.regression) {               // the first class without training points, or −1
        const counts = new Array(Math.max(2, run.classes)).fill(0);
        for (const v of run.trainer.y) counts[v] += 1;
        run.emptyClass = counts.indexOf(0);
      }
    }
    const grid = new Float64Array(2 * GRID * GRID);
    for (let r = 0; r < GRID; r++) for (let q = 0; q < GRID; q++) {
      grid[2 * (r * GRID + q)] = -VIEW + ((q + 0.5) / GRID) * 2 * VIEW;
      grid[2 * (r * GRID + q) + 1] = VIEW - ((r + 0.5) / GRID) * 2 * VIEW;
    }
    gridFeatures = { raw: grid, mapped: featureMap(grid, c.features) };
    if (!inLab()) {                     // the page's address holds the configuration: a link restores it
      const hash = toHash(c, defaults);
      history.replaceState(null, "", hash.endsWith("%7B%7D") ? location.pathname + location.search : hash);
    }
    sync();
    drawAll();
  }

  function start() {
    if (!run?.trainer || run.trainer.diverged) return;
    playing = true;
    play.textContent = "pause";
    requestAnimationFrame(tick);
  }

  function pause() {
    if (!playing) return;
    playing = false;
    play.textContent = "play";
    sync();
    drawAll();
  }

  function tick() {
    if (!playing || !run?.trainer) return;
    const t = run.trainer, t0 = performance.now(), target = t.epoch + 1;
    if (speed.input.value === "1") {
      while (t.epoch < target && !t.diverged && performance.now() - t0 < WORK_MS) t.run(8);
    } else {
      do t.run(16); while (performance.now() - t0 < WORK_MS && !t.diverged);
    }
    drawAll();
    if (t.diverged) pause();
    else requestAnimationFrame(tick);
  }

  // the epoch and the curves back to Python (a no-op without a kernel)
  function sync() {
    const h = run?.trainer?.history;
    model.set("epoch", run?.trainer ? run.trainer.epoch : 0);
    model.set("history", h ? { train_loss: h.train_loss, train_acc: h.train_acc, val_loss: h.val_loss, val_acc: h.val_acc } : {});
    model.save_changes();
  }

  // every unit's output on the grid, in one forward pass per cell
  function evaluate() {
    const net = run.trainer.net, sizes = net.sizes, G2 = GRID * GRID;
    if (unitValues.length !== sizes.length || unitValues.some((v, l) => v.length !== sizes[l] || v[0].length !== G2)) {
      unitValues = sizes.map((k) => Array.from({ length: k }, () => new Float64Array(G2)));
    }
    const k = sizes.at(-1);
    outputValues = new Float64Array(G2 * k);
    for (let r = 0; r < G2; r++) {
      const out = net.forward(gridFeatures.mapped, r);
      for (let l = 0; l < sizes.length - 1; l++) for (let j = 0; j < sizes[l]; j++) unitValues[l][j][r] = net.a[l][j];
      for (let j = 0; j < k; j++) outputValues[r * k + j] = out[j];
    }
  }

  function classColors(k) { return (style.classes.length >= k ? style.classes : style.colors).map(hexToRgb); }

  // the colour of a cell: P(class 1) through the book's colormap, or the likeliest class's colour
  function cellColor(r, k, colors) {
    if (k === 1) {
      const v = run.regression ? 0.5 + 0.5 * Math.min(1, Math.max(-1, outputValues[r])) : outputValues[r];   // y ∈ [−1, 1] → [0, 1]
      const p = discrete.input.checked ? (v > 0.5 ? 1 : 0) : v;
      if (!Number.isFinite(p)) return [255, 255, 255];            // a diverged network: no boundary
      return cmap.length ? cmap[Math.min(255, Math.max(0, Math.round(p * 255)))] : [255 * p, 128, 255 * (1 - p)];
    }
    let best = 0;
    for (let j = 1; j < k; j++) if (outputValues[r * k + j] > outputValues[r * k + best]) best = j;
    const p = outputValues[r * k + best], [R, G, B] = colors[best];
    const w = discrete.input.checked ? 1 : Math.max(0, (p - 1 / k) / (1 - 1 / k));
    return [255 + w * (R - 255), 255 + w * (G - 255), 255 + w * (B - 255)];
  }

  // a unit's values on the grid as pixels: blue above 0, orange below, scaled by its largest size;
  // every `stride`-th cell of every `stride`-th row (the small maps take a coarser grid)
  const POS = hexToRgb(POSITIVE), NEG = hexToRgb(NEGATIVE);
  function paintUnit(px, values, fade, stride = 1) {
    const scale = largest(values), side = GRID / stride;
    for (let r = 0; r < side; r++) for (let q = 0; q < side; q++) {
      const v = values[r * stride * GRID + q * stride] / scale, [R, G, B] = v >= 0 ? POS : NEG;
      const w = fade * Math.min(1, Math.abs(v)), i = 4 * (r * side + q);
      px[i] = 255 + w * (R - 255); px[i + 1] = 255 + w * (G - 255); px[i + 2] = 255 + w * (B - 255); px[i + 3] = 255;
    }
  }

  function paint(px, r, [R, G, B], fade) {
    const i = 4 * r;
    px[i] = 255 + fade * (R - 255); px[i + 1] = 255 + fade * (G - 255); px[i + 2] = 255 + fade * (B - 255); px[i + 3] = 255;
  }

  let deadNow = [];
  function drawAll() {
    const t0 = performance.now();
    if (run?.trainer) {
      evaluate();
      deadNow = run.trainer.net.deadUnits(run.trainer.X, run.trainer.n);
    }
    const t1 = performance.now();
    drawBoundary();
    const t2 = performance.now();
    drawNetwork();
    const t3 = performance.now();
    root.dataset.drawMs = [t1 - t0, t2 - t1, t3 - t2].map((v) => v.toFixed(1)).join(" ");     // evaluate, boundary, network
    if (!run?.trainer || run.trainer.epoch !== shownEpoch) drawCurves();
    showStatus();
    frames += 1;
    root.dataset.frames = String(frames);              // tests and benchmarks wait on these
    root.dataset.epoch = String(run?.trainer ? run.trainer.epoch : 0);
    root.dataset.loss = String(run?.trainer ? run.trainer.history.train_loss.at(-1) : NaN);
  }

  function drawBoundary() {
    const ctx = boundary.ctx, px = image.data;
    bPanel.clear();
    let title = run?.regression ? "output" : "decision boundary";
    if (run?.trainer) {
      const k = run.trainer.net.sizes.at(-1), colors = classColors(k);
      if (selected) {
        paintUnit(px, unitValues[selected[0]][selected[1]], 0.8);
        title = selected[0] === 0 ? `input ${FEATURE_LABELS[model.get("features")[selected[1]]]}` : `layer ${selected[0]}, unit ${selected[1] + 1} (click it again: back)`;
      } else {
        for (let r = 0; r < GRID * GRID; r++) paint(px, r, cellColor(r, k, colors), 0.45);
      }
      offscreen.getContext("2d").putImageData(image, 0, 0);
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(offscreen, bPanel.left, bPanel.top, bPanel.width, bPanel.height);
    }
    const d = run?.data, k = Math.max(2, run?.classes || 2), colors = classColors(k);
    if (d) {
      bPanel.clip(() => {               // one path per class and kind: 500 points in a few canvas calls
        if (run.regression) {           // the targets through the boundary's colormap, one call per point
          for (const [X, y, filled] of [[d.X, d.y, true], ...(showTest.input.checked ? [[d.Xtest, d.ytest, false]] : [])]) {
            for (let i = 0; i < y.length; i++) {
              const [R, G, B] = cmap.length ? cmap[Math.round(255 * (0.5 + 0.5 * Math.min(1, Math.max(-1, y[i]))))] : [128, 128, 128];
              const x = bPanel.px(X[2 * i]), v = bPanel.py(X[2 * i + 1]);
              ctx.beginPath(); ctx.arc(x, v, 2.6, 0, 2 * Math.PI);
              ctx.fillStyle = filled ? `rgb(${R}, ${G}, ${B})` : "white"; ctx.fill();
              ctx.strokeStyle = filled ? "white" : `rgb(${R}, ${G}, ${B})`; ctx.lineWidth = filled ? 0.6 : 1.4; ctx.stroke();
            }
          }
          return;
        }
        for (let c = 0; c < k; c++) {
          const [R, G, B] = colors[c % colors.length], rgb = `rgb(${R}, ${G}, ${B})`;
          for (const [X, y, filled] of [[d.X, d.y, true], ...(showTest.input.checked ? [[d.Xtest, d.ytest, false]] : [])]) {
            ctx.beginPath();
            for (let i = 0; i < y.length; i++) {
              if (y[i] !== c) continue;
              const x = bPanel.px(X[2 * i]), v = bPanel.py(X[2 * i + 1]);
              ctx.moveTo(x + 2.6, v); ctx.arc(x, v, 2.6, 0, 2 * Math.PI);
            }
            ctx.fillStyle = filled ? rgb : "white"; ctx.fill();
            ctx.strokeStyle = filled ? "white" : rgb; ctx.lineWidth = filled ? 0.6 : 1.4; ctx.stroke();
          }
        }
      });
    }
    bPanel.frame({ title: `${title}, epoch ${run?.trainer ? run.trainer.epoch : 0}`, xlabel: "x₁", ylabel: "x₂" });
  }

  // the network's layout: columns of units, x and y of each
  function layout(sizes) {
    const W = network.width, H = network.height, cols = sizes.length, cell = 28;
    return sizes.map((k, l) => Array.from({ length: k }, (_, j) => {
      const x = 56 + (l * (W - 96)) / Math.max(1, cols - 1), y = 12 + H / 2 + (j - (k - 1) / 2) * (cell + 5);
      return { x, y, cell };
    }));
  }

  function drawNetwork() {
    const ctx = network.ctx;
    ctx.clearRect(0, 0, network.width, network.height);
    ctx.font = `${style.font - 1}px system-ui, sans-serif`;
    ctx.fillStyle = "#222"; ctx.textAlign = "left"; ctx.textBaseline = "top";
    if (!run?.trainer) { ctx.fillText("no network to show", 8, 8); return; }
    const net = run.trainer.net, sizes = net.sizes, pos = layout(sizes), dead = deadNow;
    unitsLayout = pos;
    const BUCKETS = 6, paths = [];                     // links: width ∝ |w| (of the layer's largest), colour: sign
    for (let l = 1; l < sizes.length; l++) {           // (bucketed: a dozen strokes instead of one per weight)
      let big = 1e-12;
      for (let j = 0; j < sizes[l]; j++) for (let i = 0; i < sizes[l - 1]; i++) big = Math.max(big, Math.abs(net.params[net.offsets[l - 1] + j * (sizes[l - 1] + 1) + i]));
      for (let j = 0; j < sizes[l]; j++) for (let i = 0; i < sizes[l - 1]; i++) {
        const w = net.params[net.offsets[l - 1] + j * (sizes[l - 1] + 1) + i], a = pos[l - 1][i], b = pos[l][j];
        const size = Number.isFinite(w) ? Math.min(BUCKETS - 1, Math.floor((Math.abs(w) / big) * BUCKETS)) : 0;
        const key = 2 * size + (w >= 0 ? 0 : 1);
        (paths[key] ||= []).push(a.x + a.cell / 2, a.y, b.x - b.cell / 2, b.y);
      }
    }
    paths.forEach((segments, key) => {
      const size = (Math.floor(key / 2) + 0.5) / BUCKETS;
      ctx.strokeStyle = key % 2 === 0 ? POSITIVE : NEGATIVE;
      ctx.globalAlpha = 0.25 + 0.75 * size;
      ctx.lineWidth = 0.3 + 3.5 * size;
      ctx.beginPath();
      for (let s = 0; s < segments.length; s += 4) { ctx.moveTo(segments[s], segments[s + 1]); ctx.lineTo(segments[s + 2], segments[s + 3]); }
      ctx.stroke();
    });
    ctx.globalAlpha = 1;
    const SMALL = GRID / 2, small = new ImageData(SMALL, SMALL), tile = document.createElement("canvas");
    tile.width = tile.height = SMALL;
    for (let l = 0; l < sizes.length; l++) for (let j = 0; j < sizes[l]; j++) {
      const { x, y, cell } = pos[l][j], values = l === sizes.length - 1 ? null : unitValues[l][j];
      if (values) {
        paintUnit(small.data, values, 0.9, 2);
      } else {
        const k = sizes.at(-1), colors = classColors(k);
        for (let r = 0; r < SMALL; r++) for (let q = 0; q < SMALL; q++) paint(small.data, r * SMALL + q, cellColor(2 * (r * GRID + q), k, colors), 0.6);
      }
      tile.getContext("2d").putImageData(small, 0, 0);
      ctx.drawImage(tile, x - cell / 2, y - cell / 2, cell, cell);
      const isSelected = selected && selected[0] === l && selected[1] === j;
      ctx.strokeStyle = isSelected ? "#000" : "#888"; ctx.lineWidth = isSelected ? 2 : 1;
      ctx.strokeRect(x - cell / 2, y - cell / 2, cell, cell);
      if (l > 0 && l < sizes.length - 1 && dead[l - 1][j]) {      // a dead unit: crossed out
        ctx.strokeStyle = "#b00020"; ctx.lineWidth = 2;
        ctx.beginPath(); ctx.moveTo(x - cell / 2, y - cell / 2); ctx.lineTo(x + cell / 2, y + cell / 2);
        ctx.moveTo(x + cell / 2, y - cell / 2); ctx.lineTo(x - cell / 2, y + cell / 2); ctx.stroke();
      }
    }
    ctx.fillStyle = "#222"; ctx.textAlign = "center"; ctx.textBaseline = "top";
    const names = model.get("features"), acts = model.get("activations");
    pos.forEach((col, l) => {
      const label = l === 0 ? "inputs" : l === sizes.length - 1 ? (sizes[l] > 1 ? "softmax" : run.regression ? "linear" : "sigmoid") : (acts[l - 1] === "identity" ? "linear" : acts[l - 1]);
      ctx.fillText(label, col[0].x, 4);
    });
    ctx.textAlign = "right"; ctx.textBaseline = "middle";
    pos[0].forEach(({ x, y, cell }, i) => ctx.fillText(FEATURE_LABELS[names[i]], x - cell / 2 - 2, y));
  }
  let unitsLayout = [];

  function drawCurves() {
    const h = run?.trainer?.history;
    curves.ctx.clearRect(0, 0, curves.width, curves.height);
    shownEpoch = run?.trainer ? run.trainer.epoch : -1;
    if (!h) { lPanel.frame({ title: "loss" }); return; }
    const xs = h.train_loss.map((_, e) => e), finite = [...h.train_loss, ...h.val_loss].filter(Number.isFinite);
    lPanel.xlim = [0, Math.max(10, xs.length - 1)];
    lPanel.ylim = [0, 1.08 * Math.max(0.1, ...finite)];
    lPanel.line(xs, h.train_loss, style.colors[0]);
    lPanel.line(xs, h.val_loss, style.colors[1], { dash: [5, 3] });
    lPanel.frame({ title: `loss (${{ bce: "binary cross-entropy", mse: "quadratic", cross_entropy: "softmax cross-entropy" }[model.get("loss")]})`, xlabel: "epoch" });
    lPanel.legend([["train", style.colors[0]], ["test", style.colors[1], [5, 3]]], "right");
  }

  function showStatus() {
    const t = run?.trainer;
    let shown = notice;
    if (run?.empty) {
      shown = ["note", "click on the map to add points (at least two; the class button picks their class)"];
      status.textContent = `${run.data.y.length} point${run.data.y.length === 1 ? "" : "s"}`;
    } else if (run?.error) {
      shown = ["error", run.error];
      status.textContent = "no network: the loss does not fit the data";
    } else {
      const h = t.history, e = t.epoch;
      status.textContent = `epoch ${e}: train loss ${h.train_loss[e]?.toFixed(3) ?? "–"}, test loss ${Number.isFinite(h.val_loss[e]) ? h.val_loss[e].toFixed(3) : "–"}, `
        + `test accuracy ${Number.isFinite(h.val_acc[e]) ? h.val_acc[e].toFixed(3) : "–"} · ${t.net.nParams} parameters`;
      const empty = run.regression ? -1 : run.emptyClass;
      const dead = deadNow, allDead = dead.findIndex((layer) => layer.length && layer.every(Boolean));
      if (t.diverged) shown = ["error", `diverged at epoch ${t.divergedAt}: the loss or a weight is no longer finite; lower η and press reset`];
      else if (empty >= 0) shown = ["warning", `class ${empty} has no training points: the network never sees it${model.get("dataset") === "custom" ? " (add some, or raise the train share)" : ""}`];
      else if (allDead >= 0) shown = ["warning", `all ${dead[allDead].length} units of hidden layer ${allDead + 1} are dead (negative net input on every training point): no gradient gets through them`];
    }
    message(note, shown ? shown[1] : "", shown ? shown[0] : "");
    const text = shown ? shown[1] : "";
    if (model.get("message") !== text) { model.set("message", text); model.save_changes(); }
    play.disabled = step.disabled = !t || t.diverged;
  }

  // --- pointer: add a point, or pick a unit -------------------------------------------------
  function where(event, surface) {
    const box = surface.node.getBoundingClientRect();
    return [((event.clientX - box.left) / box.width) * surface.width, ((event.clientY - box.top) / box.height) * surface.height];
  }
  boundary.node.addEventListener("click", (event) => {
    if (model.get("dataset") !== "custom") return;
    const [cx, cy] = where(event, boundary);
    const x = bPanel.xlim[0] + ((cx - bPanel.left) / bPanel.width) * (bPanel.xlim[1] - bPanel.xlim[0]);
    const y = bPanel.ylim[1] - ((cy - bPanel.top) / bPanel.height) * (bPanel.ylim[1] - bPanel.ylim[0]);
    if (Math.abs(x) > VIEW || Math.abs(y) > VIEW) return;
    commit("points", [...model.get("points"), [Math.round(x * 100) / 100, Math.round(y * 100) / 100, customClass]]);
  });
  network.node.addEventListener("click", (event) => {
    const [cx, cy] = where(event, network);
    for (let l = 0; l < unitsLayout.length - 1; l++) for (let j = 0; j < unitsLayout[l].length; j++) {
      const { x, y, cell } = unitsLayout[l][j];
      if (Math.abs(cx - x) <= cell / 2 + 2 && Math.abs(cy - y) <= cell / 2 + 2) {
        selected = selected && selected[0] === l && selected[1] === j ? null : [l, j];
        drawAll();
        return;
      }
    }
    if (selected) { selected = null; drawAll(); }
  });

  // several traits can change at once (layers with activations, a link): one restart after them all
  let pending = false;
  const later = () => {
    if (pending) return;
    pending = true;
    Promise.resolve().then(() => { pending = false; showControls(); restart(); });
  };
  for (const key of keys) model.on(`change:${key}`, later);
  const linked = fromHash(location.hash, defaults);
  if (linked && Object.keys(linked).length && !inLab()) {
    const c = sanitize(linked, o, defaults);
    for (const key of keys) model.set(key, c[key]);
    model.save_changes();
    root.dataset.linked = "true";
  }
  showControls();
  restart();
  return () => { playing = false; };
}

export default { render };
