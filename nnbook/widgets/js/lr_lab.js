// The learning-rate lab (chapter 1), computed and drawn in the browser: an optimizer (and, side by
// side, a second one) on a 2-D surface from a start the reader clicks or drags on the contour
// map; the trajectory over the map and the loss per step.  Surfaces and optimizers are
// nnbook's (optimizers.js, checked against nnbook.surfaces.trajectory).

import { SURFACES, trajectory } from "./optimizers.js";
import { FALLBACK_STYLE, Panel, button, canvas, el, hexToRgb, message, root as makeRoot, select, slider } from "./draw.js";

const GRID = 120;
const LEVELS = 14;                      // colour bands of the contour map

const signedLog = (v) => Math.sign(v) * Math.log10(1 + Math.abs(v));

function render({ model, el: host }) {
  const style = { ...FALLBACK_STYLE, ...(model.get("book_style") || {}) };
  const surfaces = model.get("surfaces"), optimizers = model.get("optimizers");
  const names = Object.keys(optimizers);
  const root = makeRoot("nnbook-lr-lab");
  const commit = (key, value) => { model.set(key, value); model.save_changes(); };
  const surface = select({ label: "surface", options: surfaces.map((s) => [s.name, `${s.name}: ${s.formula}`]),
                           value: model.get("surface"), onchange: (v) => {
                             const s = surfaces.find((x) => x.name === v);
                             model.set("start", s.start.slice());
                             commit("surface", v);
                           } });
  const first = select({ label: "optimizer", options: names.map((n) => [n, n]), value: model.get("optimizer"),
                         onchange: (v) => commit("optimizer", v) });
  const second = select({ label: "compare", options: [["", "(none)"], ...names.map((n) => [n, n])],
                          value: model.get("compare"), onchange: (v) => commit("compare", v) });
  const fmt = (v) => v.toPrecision(2);
  const lr = slider({ label: "η", min: 1e-4, max: 3, step: 0.01, value: model.get("lr"), log: true, format: fmt,
                      oninput: (v) => commit("lr", v) });
  const mu = slider({ label: "μ", min: 0, max: 0.99, step: 0.01, value: model.get("momentum"), oninput: (v) => commit("momentum", v) });
  const rho = slider({ label: "ρ", min: 0.5, max: 0.999, step: 0.001, value: model.get("rho"), format: (v) => v.toFixed(3),
                       oninput: (v) => commit("rho", v) });
  const b1 = slider({ label: "β₁", min: 0, max: 0.99, step: 0.01, value: model.get("beta1"), oninput: (v) => commit("beta1", v) });
  const b2 = slider({ label: "β₂", min: 0.5, max: 0.9999, step: 0.0001, value: model.get("beta2"), format: (v) => v.toFixed(4),
                      oninput: (v) => commit("beta2", v) });
  const steps = slider({ label: "steps", min: 1, max: model.get("max_steps"), step: 1, value: model.get("steps"),
                         format: (v) => String(Math.round(v)), oninput: (v) => commit("steps", Math.round(v)) });
  const home = button("default start", () => {
    commit("start", surfaces.find((s) => s.name === model.get("surface")).start.slice());
  }, "move the start back to the surface's default");
  const status = el("div", { class: "nnbook-status", role: "status", "aria-live": "polite" });
  const note = el("div", { class: "nnbook-message" });
  const map = canvas(360, 340, "contour map with the trajectories; click or drag to move the start");
  const curve = canvas(360, 340, "loss per step");
  map.node.style.cursor = "crosshair";
  root.append(el("div", { class: "nnbook-controls" }, surface.row, first.row, second.row, lr.row, mu.row, rho.row, b1.row,
                 b2.row, steps.row, el("div", { class: "nnbook-buttons" }, home)),
              status, note, el("div", { class: "nnbook-panels" }, map.node, curve.node));
  host.append(root);

  const mapPanel = new Panel(map, [52, 24, 296, 276], style);
  const lossPanel = new Panel(curve, [52, 24, 296, 276], style);
  const heat = document.createElement("canvas");
  heat.width = heat.height = GRID;
  const viridis = (style.sequential || []).map(hexToRgb);
  let heatKey = null, frames = 0, pending = false;

  function settings() {
    const s = surfaces.find((x) => x.name === model.get("surface"));
    const hyper = (name) => ({ lr: model.get("lr"), momentum: model.get("momentum"), rho: model.get("rho"),
                               beta1: model.get("beta1"), beta2: model.get("beta2"), eps: optimizers[name].eps });
    return { s, hyper };
  }

  function drawHeat(s) {
    const key = JSON.stringify([s.name, s.xlim, s.ylim, s.params]);
    if (key === heatKey) return;
    heatKey = key;
    const values = new Float64Array(GRID * GRID);
    let lo = Infinity, hi = -Infinity;
    for (let r = 0; r < GRID; r++) for (let c = 0; c < GRID; c++) {
      const w0 = s.xlim[0] + ((c + 0.5) / GRID) * (s.xlim[1] - s.xlim[0]);
      const w1 = s.ylim[1] - ((r + 0.5) / GRID) * (s.ylim[1] - s.ylim[0]);
      const v = signedLog(s.value(w0, w1));
      values[r * GRID + c] = v;
      lo = Math.min(lo, v); hi = Math.max(hi, v);
    }
    const image = new ImageData(GRID, GRID);
    for (let i = 0; i < values.length; i++) {
      const band = Math.min(LEVELS - 1, Math.floor(((values[i] - lo) / (hi - lo || 1)) * LEVELS));
      const [R, G, B] = viridis.length ? viridis[Math.round((band / (LEVELS - 1)) * 255)] : [band * 18, band * 18, 200];
      image.data.set([R + 0.45 * (255 - R), G + 0.45 * (255 - G), B + 0.45 * (255 - B), 255], 4 * i);
    }
    heat.getContext("2d").putImageData(image, 0, 0);
  }

  function show() {
    pending = false;
    const { s, hyper } = settings();
    s.value = (w0, w1) => SURFACES[s.name].value(w0, w1, s.params);
    drawHeat(s);
    const start = model.get("start"), n = model.get("steps");
    const runs = [model.get("optimizer"), model.get("compare")].filter(Boolean)
      .map((name) => ({ name, ...trajectory(s.name, s.params, name, hyper(name), start, n) }));
    const ctx = map.ctx;
    mapPanel.clear();
    mapPanel.xlim = s.xlim; mapPanel.ylim = s.ylim;
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(heat, mapPanel.left, mapPanel.top, mapPanel.width, mapPanel.height);
    mapPanel.clip(() => {
      ctx.strokeStyle = "#000"; ctx.lineWidth = 1.5;
      const [m0, m1] = s.minimum;
      ctx.beginPath(); ctx.moveTo(mapPanel.px(m0) - 5, mapPanel.py(m1) - 5); ctx.lineTo(mapPanel.px(m0) + 5, mapPanel.py(m1) + 5);
      ctx.moveTo(mapPanel.px(m0) - 5, mapPanel.py(m1) + 5); ctx.lineTo(mapPanel.px(m0) + 5, mapPanel.py(m1) - 5); ctx.stroke();
    });
    const colors = [style.colors[3] || "#d62728", style.colors[0] || "#1f77b4"];
    [...runs.entries()].reverse().forEach(([k, run]) => {         // the compared run first: the chosen one on top
      mapPanel.line(run.points.map((p) => p[0]), run.points.map((p) => p[1]), colors[k], { width: 1.6, dash: k ? [5, 3] : [] });
      mapPanel.clip(() => {
        ctx.fillStyle = colors[k];
        for (const [p0, p1] of run.points.slice(0, 60)) ctx.fillRect(mapPanel.px(p0) - 1.5, mapPanel.py(p1) - 1.5, 3, 3);
      });
    });
    mapPanel.clip(() => {
      ctx.fillStyle = "#fff"; ctx.strokeStyle = "#000"; ctx.lineWidth = 1.2;
      ctx.beginPath(); ctx.arc(mapPanel.px(start[0]), mapPanel.py(start[1]), 4.5, 0, 2 * Math.PI); ctx.fill(); ctx.stroke();
    });
    mapPanel.frame({ title: `${s.formula}: start (${start.map((v) => v.toPrecision(3)).join(", ")})`, xlabel: "w₀", ylabel: "w₁" });
    mapPanel.legend(runs.map((run, k) => [run.name, colors[k], k ? [5, 3] : []]), "bottom-left");

    curve.ctx.clearRect(0, 0, curve.width, curve.height);
    const all = runs.flatMap((run) => run.values).filter(Number.isFinite);
    const logs = all.map(signedLog);
    lossPanel.xlim = [0, Math.max(1, n)];
    lossPanel.ylim = [Math.min(0, ...logs), Math.max(1e-3, ...logs) * 1.05 + 1e-9];
    [...runs.entries()].reverse().forEach(([k, run]) => lossPanel.line(run.values.map((_, i) => i), run.values.map(signedLog), colors[k],
                                                                          { dash: k ? [5, 3] : [] }));
    lossPanel.frame({ title: "loss per step (sign · log₁₀(1 + |L|))", xlabel: "step" });
    lossPanel.legend(runs.map((run, k) => [run.name, colors[k], k ? [5, 3] : []]), "right");

    const words = runs.map((run) => {
      const outside = run.points.findIndex(([p0, p1]) => p0 < s.xlim[0] || p0 > s.xlim[1] || p1 < s.ylim[0] || p1 > s.ylim[1]);
      const last = run.values[run.values.length - 1];
      let text = `${run.name}: ${run.points.length - 1} steps, loss ${last.toPrecision(4)}`;
      if (run.divergedAt !== null) text = `${run.name} diverged at step ${run.divergedAt}: the point or its loss stopped being finite`;
      else if (outside >= 0) text += ` (left the plot at step ${outside})`;
      return [text, run.divergedAt !== null ? "error" : outside >= 0 ? "warning" : ""];
    });
    status.textContent = words.filter(([, kind]) => !kind).map(([t]) => t).join(" · ");
    const bad = words.filter(([, kind]) => kind);
    const kind = bad.some(([, k]) => k === "error") ? "error" : "warning";
    message(note, bad.map(([t]) => t).join(" · "), kind);
    const text = bad.map(([t]) => t).join(" · ");
    if (model.get("message") !== text) { model.set("message", text); model.save_changes(); }
    for (const [control, used] of [[mu, ["momentum", "nesterov"]], [rho, ["rmsprop"]], [b1, ["adam"]], [b2, ["adam"]]]) {
      control.row.style.opacity = runs.some((run) => used.includes(run.name)) ? "1" : "0.45";
    }
    surface.input.value = s.name; first.input.value = model.get("optimizer"); second.input.value = model.get("compare");
    lr.set(model.get("lr")); mu.set(model.get("momentum")); rho.set(model.get("rho")); b1.set(model.get("beta1"));
    b2.set(model.get("beta2")); steps.set(model.get("steps"));
    frames += 1;
    root.dataset.frames = String(frames);
    root.dataset.start = JSON.stringify(start);
  }

  function schedule() { if (!pending) { pending = true; requestAnimationFrame(show); } }

  function pointTo(event) {             // the pointer's position in (w0, w1)
    const box = map.node.getBoundingClientRect(), scale = map.width / box.width;
    const x = (event.clientX - box.left) * scale, y = (event.clientY - box.top) * scale;
    const { s } = settings();
    const w0 = s.xlim[0] + ((x - mapPanel.left) / mapPanel.width) * (s.xlim[1] - s.xlim[0]);
    const w1 = s.ylim[1] - ((y - mapPanel.top) / mapPanel.height) * (s.ylim[1] - s.ylim[0]);
    if (w0 < s.xlim[0] || w0 > s.xlim[1] || w1 < s.ylim[0] || w1 > s.ylim[1]) return;
    model.set("start", [w0, w1]);
    model.save_changes();
  }
  let dragging = false;
  map.node.addEventListener("pointerdown", (e) => { dragging = true; map.node.setPointerCapture?.(e.pointerId); pointTo(e); });
  map.node.addEventListener("pointermove", (e) => { if (dragging) pointTo(e); });
  map.node.addEventListener("pointerup", () => { dragging = false; });

  const keys = ["surface", "optimizer", "compare", "lr", "momentum", "rho", "beta1", "beta2", "steps", "start"];
  for (const key of keys) model.on(`change:${key}`, schedule);
  show();
  return () => { for (const key of keys) model.off(`change:${key}`, schedule); };
}

export default { render };
