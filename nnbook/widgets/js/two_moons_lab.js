// The two-moons lab (chapter 2), trained and drawn in the browser: Glassner's 2-4-4-1
// network, per-sample SGD with binary cross-entropy (mlp.js), on the data, the data order
// and the initial weights Python sends (nnbook.widgets.TwoMoonsLab), so seed s here is model
// s of the chapter's lockstep runs.  Panels: the decision boundary over the test points,
// all parameters per epoch, the loss and the accuracy (train and test).  When training
// pauses or ends, the weights, the epoch and the curves go back to Python.

import { Trainer } from "./mlp.js";
import { FALLBACK_STYLE, Panel, button, canvas, el, floats, hexToRgb, message, root as makeRoot, select, slider } from "./draw.js";

const GRID = 80;                        // boundary resolution (cells per side)
const SPEEDS = [["1", "1 epoch/s"], ["5", "5 epochs/s"], ["20", "20 epochs/s"], ["0", "as fast as it can"]];
const WORK_MS = 8;                      // the most a frame trains, so the page stays responsive

function setup(model) {
  const sizes = model.get("sizes"), n_in = sizes[0];
  const X = floats(model.get("x_train")), y = floats(model.get("y_train"));
  const Xtest = floats(model.get("x_test")), ytest = floats(model.get("y_test"));
  const initParams = floats(model.get("init_params"));
  const P = initParams.length / (model.get("inits").length * model.get("seeds"));
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const A of [X, Xtest]) for (let i = 0; i < A.length; i += n_in) {
    x0 = Math.min(x0, A[i]); x1 = Math.max(x1, A[i]); y0 = Math.min(y0, A[i + 1]); y1 = Math.max(y1, A[i + 1]);
  }
  const pad = 0.1 * Math.max(x1 - x0, y1 - y0);
  return { sizes, X, y, Xtest, ytest, initParams, P, extent: [x0 - pad, x1 + pad, y0 - pad, y1 + pad] };
}

function render({ model, el: host }) {
  const style = { ...FALLBACK_STYLE, ...(model.get("book_style") || {}) };
  const data = setup(model);
  const inits = model.get("inits"), presets = model.get("presets"), [lrMin, lrMax] = model.get("lr_range");
  const maxEpochs = model.get("max_epochs");
  let trainer = null, playing = false, last = 0, frames = 0, shownEpoch = -1, alert = null;

  // a control sets its trait; the trait's listeners below start a new run or redraw
  const commit = (key, value) => { if (model.get(key) !== value) { model.set(key, value); model.save_changes(); } };
  const root = makeRoot("nnbook-two-moons-lab");
  const lr = slider({ label: "η", min: lrMin, max: lrMax, step: 0.01, value: model.get("lr"), log: true,
                      format: (v) => v.toPrecision(2), oninput: (v) => commit("lr", v) });
  const presetButtons = presets.map((p) => button(`η = ${p}`, () => commit("lr", p),
                                                  `set η to ${p}`));
  const init = select({ label: "init", options: inits.map((name) => [name, name]), value: model.get("init"),
                        onchange: (v) => commit("init", v) });
  const seed = slider({ label: "seed", min: 0, max: model.get("seeds") - 1, step: 1, value: model.get("seed"),
                        format: (v) => String(Math.round(v)), oninput: (v) => commit("seed", Math.round(v)) });
  const budget = slider({ label: "epochs", min: 1, max: maxEpochs, step: 1, value: model.get("epochs"), format: (v) => String(Math.round(v)),
                          oninput: (v) => commit("epochs", Math.round(v)) });
  const speed = select({ label: "speed", options: SPEEDS, value: String(model.get("speed")),
                         onchange: (v) => commit("speed", Number(v)) });
  const play = button("play", () => (playing ? pause() : start()), "play or pause training");
  const step = button("step", () => { pause(); trainer.run(Infinity, trainer.epoch + 1); sync(); drawAll(); }, "train one epoch");
  const reset = button("reset", () => { pause(); restart(); }, "start again at epoch 0");
  const status = el("div", { class: "nnbook-status", role: "status", "aria-live": "polite" });
  const note = el("div", { class: "nnbook-message" });
  const boundary = canvas(330, 330, "decision boundary over the test points");
  const curves = canvas(330, 350, "parameters, loss and accuracy per epoch");
  root.append(el("div", { class: "nnbook-controls" }, lr.row, el("div", { class: "nnbook-buttons" }, ...presetButtons), init.row, seed.row,
                 budget.row, speed.row, el("div", { class: "nnbook-buttons" }, play, step, reset)),
              status, note, el("div", { class: "nnbook-panels" }, boundary.node, curves.node));
  host.append(root);

  const bPanel = new Panel(boundary, [46, 28, 272, 262], style);
  const wPanel = new Panel(curves, [46, 22, 272, 84], style);
  const lPanel = new Panel(curves, [46, 142, 272, 70], style);
  const aPanel = new Panel(curves, [46, 248, 272, 70], style);
  bPanel.xlim = data.extent.slice(0, 2);
  bPanel.ylim = data.extent.slice(2);
  const image = new ImageData(GRID, GRID), offscreen = document.createElement("canvas");
  offscreen.width = offscreen.height = GRID;
  const cmap = (style.cmap || []).map(hexToRgb);
  const classRgb = style.classes.map(hexToRgb);

  function restart() {
    const k = inits.indexOf(model.get("init")), s = model.get("seed"), P = data.P;
    const offset = (k * model.get("seeds") + s) * P;
    trainer = new Trainer({ sizes: data.sizes, hidden: model.get("hidden"), params: data.initParams.subarray(offset, offset + P),
                            X: data.X, y: data.y, Xtest: data.Xtest, ytest: data.ytest, lr: model.get("lr"), order: model.get("order") });
    alert = null;
    shownEpoch = -1;
    sync();
    drawAll();
  }

  function start() {
    if (trainer.diverged) return;
    if (trainer.epoch >= model.get("epochs")) {
      alert = ["note", `the budget of ${model.get("epochs")} epochs is used up: raise 'epochs' or reset`];
      showStatus();
      return;
    }
    playing = true;
    play.textContent = "pause";
    last = performance.now();
    requestAnimationFrame(tick);
  }

  function pause() {
    if (!playing) return;
    playing = false;
    play.textContent = "play";
    sync();
    drawAll();
  }

  function tick(now) {
    if (!playing) return;
    const rate = model.get("speed"), stop = model.get("epochs"), t0 = performance.now();
    const dt = Math.min(now - last, 100);
    last = now;
    if (rate > 0) {
      trainer.run(Math.max(1, Math.round((rate * trainer.n * dt) / 1000)), stop);
    } else {
      do trainer.run(256, stop); while (performance.now() - t0 < WORK_MS && trainer.epoch < stop && !trainer.diverged);
    }
    const done = trainer.diverged || trainer.epoch >= stop;
    drawBoundary();
    if (trainer.epoch !== shownEpoch || done) drawPanels();
    if (done) pause();
    else requestAnimationFrame(tick);
  }

  // the weights, the epoch and the curves back to Python (a no-op without a kernel)
  function sync() {
    const h = trainer.history;
    model.set("params", new DataView(Float64Array.from(trainer.net.params).buffer));
    model.set("epoch", trainer.epoch);
    model.set("history", { train_loss: h.train_loss, train_acc: h.train_acc, val_loss: h.val_loss, val_acc: h.val_acc });
    model.save_changes();
  }

  function drawAll() { drawBoundary(); drawPanels(); }

  function drawBoundary() {
    const [x0, x1, y0, y1] = data.extent, net = trainer.net, cell = new Float64Array(2), px = image.data;
    for (let r = 0; r < GRID; r++) {
      cell[1] = y1 - ((r + 0.5) / GRID) * (y1 - y0);
      for (let c = 0; c < GRID; c++) {
        cell[0] = x0 + ((c + 0.5) / GRID) * (x1 - x0);
        net.forward(cell);
        const p = net.a[net.L][0], i = 4 * (r * GRID + c);
        const [R, G, B] = cmap.length ? cmap[Math.min(255, Math.max(0, Math.round(p * 255)))] || [255, 255, 255] : [255 * p, 128, 255 * (1 - p)];
        px[i] = 255 + 0.35 * (R - 255); px[i + 1] = 255 + 0.35 * (G - 255); px[i + 2] = 255 + 0.35 * (B - 255); px[i + 3] = 255;
      }
    }
    offscreen.getContext("2d").putImageData(image, 0, 0);
    const ctx = boundary.ctx;
    bPanel.clear();
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(offscreen, bPanel.left, bPanel.top, bPanel.width, bPanel.height);
    bPanel.clip(() => {
      for (let i = 0; i < data.ytest.length; i++) {
        const [R, G, B] = classRgb[data.ytest[i] > 0.5 ? 1 : 0];
        ctx.fillStyle = `rgb(${R}, ${G}, ${B})`;
        ctx.fillRect(bPanel.px(data.Xtest[2 * i]) - 1.5, bPanel.py(data.Xtest[2 * i + 1]) - 1.5, 3, 3);
      }
    });
    bPanel.frame({ title: `decision boundary (test points), epoch ${trainer.epoch}`, xlabel: "x₁", ylabel: "x₂" });
    frames += 1;
    root.dataset.frames = String(frames);              // tests and benchmarks wait on these
    root.dataset.epoch = String(trainer.epoch);
  }

  function drawPanels() {
    const h = trainer.history, E = h.train_loss.length - 1, right = Math.max(model.get("epochs"), E, 1);
    const xs = h.train_loss.map((_, e) => e);
    shownEpoch = trainer.epoch;
    curves.ctx.clearRect(0, 0, curves.width, curves.height);
    const P = data.P;
    let lo = -1, hi = 1;
    for (const p of h.params) for (const v of p) if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    wPanel.xlim = [0, right]; wPanel.ylim = [lo * 1.1, hi * 1.1];
    for (let k = 0; k < P; k++) wPanel.line(xs, h.params.map((p) => p[k]), style.colors[k % style.colors.length], { width: 1 });
    wPanel.frame({ title: `all ${P} parameters` });
    lPanel.xlim = [0, right];
    lPanel.ylim = [0, 1.08 * Math.max(0.8, ...[...h.train_loss, ...h.val_loss].filter(Number.isFinite))];
    lPanel.line(xs, h.train_loss, style.colors[0]); lPanel.line(xs, h.val_loss, style.colors[1], { dash: [5, 3] });
    lPanel.frame({ title: "loss (binary cross-entropy)" });
    lPanel.legend([["train", style.colors[0]], ["test", style.colors[1], [5, 3]]], "right");
    aPanel.xlim = [0, right]; aPanel.ylim = [0.4, 1.02];
    aPanel.line(xs, h.train_acc, style.colors[0]); aPanel.line(xs, h.val_acc, style.colors[1], { dash: [5, 3] });
    aPanel.frame({ title: "accuracy", xlabel: "epoch" });
    showStatus();
  }

  function showStatus() {
    const h = trainer.history, e = trainer.epoch, verdict = trainer.verdict();
    let text = `epoch ${e} of ${model.get("epochs")}: train accuracy ${h.train_acc[e].toFixed(3)}, test accuracy ${h.val_acc[e].toFixed(3)}`;
    if (verdict !== "learning") text += ` · ${verdict}`;
    status.textContent = text;
    let shown = alert;
    if (trainer.diverged) shown = ["error", `${verdict}: lower η and press reset`];
    else if (!shown && trainer.net.deadUnits(data.X, data.y.length).at(-1).every(Boolean)) {
      const units = data.sizes[data.sizes.length - 2], layer = data.sizes.length - 2;
      shown = ["note", `all ${units} units of hidden layer ${layer} are dead (negative net input on every training point): no gradient gets through them, so only the output bias still learns`];
    } else if (!shown && model.get("note") && Math.abs(model.get("lr") - model.get("note_lr")) < 1e-12) {
      shown = ["note", model.get("note")];
    }
    message(note, shown ? shown[1] : "", shown ? shown[0] : "");
    const text2 = shown ? shown[1] : "";
    model.set("status", text);
    if (model.get("message") !== text2) model.set("message", text2);
    play.disabled = trainer.diverged;
  }

  for (const key of ["lr", "init", "seed"]) model.on(`change:${key}`, () => {
    lr.set(model.get("lr")); init.input.value = model.get("init"); seed.set(model.get("seed"));
    restart();
  });
  model.on("change:epochs", () => { budget.set(model.get("epochs")); drawPanels(); });
  model.on("change:speed", () => { speed.input.value = String(model.get("speed")); });
  restart();
  return () => { playing = false; };
}

export default { render };
