// nnbook/widgets/js/optimizers.js
var SURFACES = {
  bowl: { value: (w0, w1) => w0 * w0 + w1 * w1, grad: (w0, w1) => [2 * w0, 2 * w1] },
  elongated_bowl: { value: (w0, w1, p) => w0 * w0 + p.kappa * w1 * w1, grad: (w0, w1, p) => [2 * w0, 2 * p.kappa * w1] },
  rosenbrock: {
    value: (w0, w1, p) => {
      const r = w1 - w0 * w0;
      return (p.a - w0) ** 2 + p.b * r * r;
    },
    grad: (w0, w1, p) => {
      const r = w1 - w0 * w0;
      return [-2 * (p.a - w0) - 4 * p.b * w0 * r, 2 * p.b * r];
    }
  },
  saddle: { value: (w0, w1) => w0 * w0 - w1 * w1, grad: (w0, w1) => [2 * w0, -2 * w1] }
};
function optimizer(name, h, n = 2) {
  const v = new Float64Array(n), s = new Float64Array(n);
  let t = 0;
  const eta = h.lr;
  const steps = {
    sgd(w, g) {
      for (let i = 0; i < n; i++) w[i] = w[i] - g[i] * eta;
    },
    momentum(w, g) {
      for (let i = 0; i < n; i++) {
        v[i] = v[i] * h.momentum;
        v[i] = v[i] - g[i] * eta;
        w[i] = w[i] + v[i];
      }
    },
    nesterov(w, g) {
      for (let i = 0; i < n; i++) {
        const gEta = g[i] * eta;
        v[i] = v[i] * h.momentum;
        v[i] = v[i] - gEta;
        w[i] = w[i] + (v[i] * h.momentum - gEta);
      }
    },
    adagrad(w, g) {
      for (let i = 0; i < n; i++) {
        s[i] = s[i] + g[i] * g[i];
        w[i] = w[i] - g[i] / (Math.sqrt(s[i]) + h.eps) * eta;
      }
    },
    rmsprop(w, g) {
      for (let i = 0; i < n; i++) {
        const sq = g[i] * g[i] * (1 - h.rho);
        s[i] = s[i] * h.rho;
        s[i] = s[i] + sq;
        w[i] = w[i] - g[i] / (Math.sqrt(s[i]) + h.eps) * eta;
      }
    },
    adam(w, g) {
      const c1 = 1 / (1 - h.beta1 ** t), c2 = 1 / Math.sqrt(1 - h.beta2 ** t);
      for (let i = 0; i < n; i++) {
        v[i] = v[i] * h.beta1;
        v[i] = v[i] + g[i] * (1 - h.beta1);
        s[i] = s[i] * h.beta2;
        s[i] = s[i] + g[i] * g[i] * (1 - h.beta2);
        w[i] = w[i] - v[i] / (Math.sqrt(s[i]) * c2 + h.eps) * eta * c1;
      }
    }
  };
  const update = steps[name];
  if (!update) throw new Error(`unknown optimizer ${name}`);
  return { step(w, g) {
    t += 1;
    update(w, g);
  } };
}
function trajectory(surface, params, name, hyper, start, steps) {
  const { value, grad } = SURFACES[surface];
  const w = [start[0], start[1]], opt = optimizer(name, hyper);
  const points = [[w[0], w[1]]], values = [value(w[0], w[1], params)];
  let divergedAt = null;
  for (let t = 1; t <= steps; t++) {
    opt.step(w, grad(w[0], w[1], params));
    const v = value(w[0], w[1], params);
    if (!(Number.isFinite(w[0]) && Number.isFinite(w[1]) && Number.isFinite(v))) {
      divergedAt = t;
      break;
    }
    points.push([w[0], w[1]]);
    values.push(v);
  }
  return { points, values, divergedAt };
}

// nnbook/widgets/js/draw.js
var FALLBACK_STYLE = {
  colors: ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd"],
  classes: ["#1f77b4", "#d62728"],
  cmap: null,
  font: 12
};
function hexToRgb(hex) {
  const v = parseInt(hex.slice(1), 16);
  return [v >> 16 & 255, v >> 8 & 255, v & 255];
}
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "style") Object.assign(node.style, value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  node.append(...children);
  return node;
}
var uid = 0;
function slider({ label, min, max, step, value, format = (v) => v.toFixed(2), log = false, oninput }) {
  const id = `nnbook-control-${++uid}`;
  const toPos = (v) => log ? Math.log10(v) : v;
  const fromPos = (p) => log ? 10 ** p : p;
  const input = el("input", {
    type: "range",
    id,
    min: toPos(min),
    max: toPos(max),
    step,
    value: toPos(value),
    class: "nnbook-slider"
  });
  const readout = el("output", { for: id, class: "nnbook-readout" }, format(value));
  const row = el("div", { class: "nnbook-row" }, el("label", { for: id }, label), input, readout);
  const control = {
    row,
    input,
    get value() {
      return fromPos(Number(input.value));
    },
    set(v) {
      input.value = toPos(v);
      readout.textContent = format(v);
    },
    setRange(lo, hi, st) {
      input.min = toPos(lo);
      input.max = toPos(hi);
      if (st !== void 0) input.step = st;
    }
  };
  input.addEventListener("input", () => {
    readout.textContent = format(control.value);
    oninput(control.value);
  });
  return control;
}
function select({ label, options, value, onchange }) {
  const id = `nnbook-control-${++uid}`;
  const input = el("select", { id }, ...options.map(([v, text]) => el("option", { value: v }, text)));
  input.value = value;
  input.addEventListener("change", () => onchange(input.value));
  return { row: el("div", { class: "nnbook-row" }, el("label", { for: id }, label), input), input };
}
function button(label, onclick, title = label) {
  return el("button", { type: "button", class: "nnbook-button", "aria-label": title, title, onclick }, label);
}
var CSS = `
.nnbook-widget { font: 13px/1.35 system-ui, -apple-system, "Segoe UI", sans-serif; color: #222; max-width: 100%; }
.nnbook-widget .nnbook-controls { display: flex; flex-wrap: wrap; gap: 4px 18px; margin: 4px 0 6px; }
.nnbook-widget .nnbook-row { display: flex; align-items: center; gap: 6px; min-width: 0; flex: 1 1 260px; max-width: 380px; }
.nnbook-widget .nnbook-row label { flex: 0 0 64px; }
.nnbook-widget .nnbook-slider { flex: 1 1 150px; min-width: 150px; }
.nnbook-widget .nnbook-readout { flex: 0 0 52px; font-variant-numeric: tabular-nums; }
.nnbook-widget select { flex: 1 1 150px; min-width: 0; font: inherit; }
.nnbook-widget .nnbook-buttons { display: flex; flex-wrap: wrap; gap: 6px; }
.nnbook-widget .nnbook-button { font: inherit; padding: 3px 10px; min-width: 44px; min-height: 30px; cursor: pointer; }
.nnbook-widget .nnbook-button:disabled { cursor: default; opacity: 0.5; }
.nnbook-widget .nnbook-status { margin: 4px 0; font-variant-numeric: tabular-nums; }
.nnbook-widget .nnbook-message { margin: 4px 0; min-height: 1.35em; }
.nnbook-widget .nnbook-message.error { color: #b00020; }
.nnbook-widget .nnbook-message.warning { color: #8a5300; }
.nnbook-widget .nnbook-message.note { color: #1f4e79; }
.nnbook-widget canvas { display: block; width: 100%; max-width: 640px; height: auto; touch-action: pan-y; }
.nnbook-widget .nnbook-panels { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 8px; }
`;
function root(kind) {
  const node = el("div", { class: `nnbook-widget ${kind}`, "data-lm-suppress-shortcuts": "true" }, el("style", {}, CSS));
  for (const type of ["keydown", "keyup", "keypress", "focusin", "focusout"]) node.addEventListener(type, (e) => e.stopPropagation());
  return node;
}
function message(node, text, kind = "warning") {
  node.className = `nnbook-message ${text ? kind : ""}`;
  node.textContent = text ? `${kind}: ${text}` : "";
}
function canvas(width, height, label) {
  const node = el("canvas", { role: "img", "aria-label": label });
  const ratio = Math.min(globalThis.devicePixelRatio || 1, 2);
  node.width = Math.round(width * ratio);
  node.height = Math.round(height * ratio);
  const ctx = node.getContext("2d");
  ctx.scale(ratio, ratio);
  return { node, ctx, width, height };
}
var nice = (span) => {
  const raw = span / 5, mag = 10 ** Math.floor(Math.log10(raw)), r = raw / mag;
  return (r < 1.5 ? 1 : r < 3.5 ? 2 : r < 7.5 ? 5 : 10) * mag;
};
function tickLabel(v, step) {
  const digits = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return (Math.abs(v) < step / 1e6 ? 0 : v).toFixed(digits).replace("-", "−");
}
var Panel = class {
  constructor(surface, box, style) {
    Object.assign(this, { surface, ctx: surface.ctx, style });
    [this.left, this.top, this.width, this.height] = box;
    this.xlim = [0, 1];
    this.ylim = [0, 1];
  }
  px(x) {
    return this.left + (x - this.xlim[0]) / (this.xlim[1] - this.xlim[0]) * this.width;
  }
  py(y) {
    return this.top + this.height - (y - this.ylim[0]) / (this.ylim[1] - this.ylim[0]) * this.height;
  }
  clear() {
    const { ctx } = this;
    ctx.clearRect(this.left - 46, this.top - 30, this.width + 52, this.height + 58);
  }
  // axes, grid and titles; `xticks` ([value, label] pairs) replaces the numeric x ticks
  frame({ title = "", xlabel = "", ylabel = "", xticks = null } = {}) {
    const { ctx, style } = this;
    ctx.save();
    ctx.font = `${style.font - 1}px system-ui, sans-serif`;
    ctx.fillStyle = "#444";
    ctx.strokeStyle = "rgba(0, 0, 0, 0.12)";
    ctx.lineWidth = 1;
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    for (const [v, label] of xticks || []) ctx.fillText(label, this.px(v), this.top + this.height + 3);
    for (const [axis, lim] of xticks ? [["y", this.ylim]] : [["x", this.xlim], ["y", this.ylim]]) {
      const step = nice(lim[1] - lim[0]);
      for (let v = Math.ceil(lim[0] / step) * step; v <= lim[1] + step * 1e-9; v += step) {
        ctx.beginPath();
        if (axis === "x") {
          const x = this.px(v);
          ctx.moveTo(x, this.top);
          ctx.lineTo(x, this.top + this.height);
          ctx.textAlign = "center";
          ctx.textBaseline = "top";
          ctx.fillText(tickLabel(v, step), x, this.top + this.height + 3);
        } else {
          const y = this.py(v);
          ctx.moveTo(this.left, y);
          ctx.lineTo(this.left + this.width, y);
          ctx.textAlign = "right";
          ctx.textBaseline = "middle";
          ctx.fillText(tickLabel(v, step), this.left - 4, y);
        }
        ctx.stroke();
      }
    }
    ctx.strokeStyle = "#888";
    ctx.strokeRect(this.left, this.top, this.width, this.height);
    ctx.textAlign = "center";
    ctx.textBaseline = "bottom";
    ctx.fillStyle = "#222";
    title.split("\n").forEach((line, i, all) => ctx.fillText(line, this.left + this.width / 2, this.top - 4 - (all.length - 1 - i) * (style.font + 1)));
    ctx.textBaseline = "top";
    if (xlabel) ctx.fillText(xlabel, this.left + this.width / 2, this.top + this.height + 16);
    if (ylabel) {
      ctx.translate(this.left - 36, this.top + this.height / 2);
      ctx.rotate(-Math.PI / 2);
      ctx.fillText(ylabel, 0, 0);
    }
    ctx.restore();
  }
  clip(draw) {
    const { ctx } = this;
    ctx.save();
    ctx.beginPath();
    ctx.rect(this.left, this.top, this.width, this.height);
    ctx.clip();
    draw(ctx);
    ctx.restore();
  }
  line(xs, ys, color, { width = 2, dash = [] } = {}) {
    this.clip((ctx) => {
      ctx.strokeStyle = color;
      ctx.lineWidth = width;
      ctx.setLineDash(dash);
      ctx.beginPath();
      let pen = false;
      for (let i = 0; i < xs.length; i++) {
        if (!Number.isFinite(ys[i])) {
          pen = false;
          continue;
        }
        const x = Math.max(-1e4, Math.min(1e4, this.px(xs[i]))), y = Math.max(-1e4, Math.min(1e4, this.py(ys[i])));
        if (pen) ctx.lineTo(x, y);
        else ctx.moveTo(x, y);
        pen = true;
      }
      ctx.stroke();
      if (xs.length === 1 && Number.isFinite(ys[0])) {
        ctx.fillStyle = color;
        ctx.fillRect(this.px(xs[0]) - width, this.py(ys[0]) - width, 2 * width, 2 * width);
      }
    });
  }
  // shade the x-intervals where mask[i] holds (full height), e.g. where a unit saturates
  band(xs, mask, color) {
    this.clip((ctx) => {
      ctx.fillStyle = color;
      const half = xs.length > 1 ? (xs[1] - xs[0]) / 2 : 0;
      for (let i = 0; i < xs.length; i++) {
        if (!mask[i]) continue;
        let j = i;
        while (j + 1 < xs.length && mask[j + 1]) j++;
        const x0 = this.px(xs[i] - (i > 0 ? half : 0)), x1 = this.px(xs[j] + (j < xs.length - 1 ? half : 0));
        ctx.fillRect(x0, this.top, x1 - x0, this.height);
        i = j;
      }
    });
  }
  rect(x0, x1, fraction, color) {
    this.clip((ctx) => {
      ctx.fillStyle = color;
      const h = fraction * this.height;
      ctx.fillRect(this.px(x0), this.top + this.height - h, this.px(x1) - this.px(x0), h);
    });
  }
  vline(x, color, dash = [2, 3]) {
    this.clip((ctx) => {
      ctx.strokeStyle = color;
      ctx.lineWidth = 1;
      ctx.setLineDash(dash);
      ctx.beginPath();
      ctx.moveTo(this.px(x), this.top);
      ctx.lineTo(this.px(x), this.top + this.height);
      ctx.stroke();
    });
  }
  legend(entries, corner = "left") {
    const { ctx, style } = this;
    ctx.save();
    ctx.font = `${style.font - 2}px system-ui, sans-serif`;
    const w = Math.max(...entries.map(([label]) => ctx.measureText(label).width)) + 30;
    const x = corner === "right" ? this.left + this.width - w - 4 : this.left + 4;
    const y = corner === "bottom-left" ? this.top + this.height - entries.length * 13 - 8 : this.top + 4;
    ctx.fillStyle = "rgba(255, 255, 255, 0.85)";
    ctx.fillRect(x, y, w, entries.length * 13 + 4);
    entries.forEach(([label, color, dash = []], i) => {
      ctx.strokeStyle = color;
      ctx.lineWidth = 2;
      ctx.setLineDash(dash);
      ctx.beginPath();
      ctx.moveTo(x + 4, y + 9 + 13 * i);
      ctx.lineTo(x + 22, y + 9 + 13 * i);
      ctx.stroke();
      ctx.fillStyle = "#222";
      ctx.textBaseline = "middle";
      ctx.fillText(label, x + 26, y + 9 + 13 * i);
    });
    ctx.restore();
  }
};

// nnbook/widgets/js/lr_lab.js
var GRID = 120;
var LEVELS = 14;
var signedLog = (v) => Math.sign(v) * Math.log10(1 + Math.abs(v));
function render({ model, el: host }) {
  const style = { ...FALLBACK_STYLE, ...model.get("book_style") || {} };
  const surfaces = model.get("surfaces"), optimizers = model.get("optimizers");
  const names = Object.keys(optimizers);
  const root2 = root("nnbook-lr-lab");
  const commit = (key, value) => {
    model.set(key, value);
    model.save_changes();
  };
  const surface = select({
    label: "surface",
    options: surfaces.map((s) => [s.name, `${s.name}: ${s.formula}`]),
    value: model.get("surface"),
    onchange: (v) => {
      const s = surfaces.find((x) => x.name === v);
      model.set("start", s.start.slice());
      commit("surface", v);
    }
  });
  const first = select({
    label: "optimizer",
    options: names.map((n) => [n, n]),
    value: model.get("optimizer"),
    onchange: (v) => commit("optimizer", v)
  });
  const second = select({
    label: "compare",
    options: [["", "(none)"], ...names.map((n) => [n, n])],
    value: model.get("compare"),
    onchange: (v) => commit("compare", v)
  });
  const fmt = (v) => v.toPrecision(2);
  const lr = slider({
    label: "η",
    min: 1e-4,
    max: 3,
    step: 0.01,
    value: model.get("lr"),
    log: true,
    format: fmt,
    oninput: (v) => commit("lr", v)
  });
  const mu = slider({ label: "μ", min: 0, max: 0.99, step: 0.01, value: model.get("momentum"), oninput: (v) => commit("momentum", v) });
  const rho = slider({
    label: "ρ",
    min: 0.5,
    max: 0.999,
    step: 1e-3,
    value: model.get("rho"),
    format: (v) => v.toFixed(3),
    oninput: (v) => commit("rho", v)
  });
  const b1 = slider({ label: "β₁", min: 0, max: 0.99, step: 0.01, value: model.get("beta1"), oninput: (v) => commit("beta1", v) });
  const b2 = slider({
    label: "β₂",
    min: 0.5,
    max: 0.9999,
    step: 1e-4,
    value: model.get("beta2"),
    format: (v) => v.toFixed(4),
    oninput: (v) => commit("beta2", v)
  });
  const steps = slider({
    label: "steps",
    min: 1,
    max: model.get("max_steps"),
    step: 1,
    value: model.get("steps"),
    format: (v) => String(Math.round(v)),
    oninput: (v) => commit("steps", Math.round(v))
  });
  const home = button("default start", () => {
    commit("start", surfaces.find((s) => s.name === model.get("surface")).start.slice());
  }, "move the start back to the surface's default");
  const status = el("div", { class: "nnbook-status", role: "status", "aria-live": "polite" });
  const note = el("div", { class: "nnbook-message" });
  const map = canvas(360, 340, "contour map with the trajectories; click or drag to move the start");
  const curve = canvas(360, 340, "loss per step");
  map.node.style.cursor = "crosshair";
  root2.append(
    el(
      "div",
      { class: "nnbook-controls" },
      surface.row,
      first.row,
      second.row,
      lr.row,
      mu.row,
      rho.row,
      b1.row,
      b2.row,
      steps.row,
      el("div", { class: "nnbook-buttons" }, home)
    ),
    status,
    note,
    el("div", { class: "nnbook-panels" }, map.node, curve.node)
  );
  host.append(root2);
  const mapPanel = new Panel(map, [52, 24, 296, 276], style);
  const lossPanel = new Panel(curve, [52, 24, 296, 276], style);
  const heat = document.createElement("canvas");
  heat.width = heat.height = GRID;
  const viridis = (style.sequential || []).map(hexToRgb);
  let heatKey = null, frames = 0, pending = false;
  function settings() {
    const s = surfaces.find((x) => x.name === model.get("surface"));
    const hyper = (name) => ({
      lr: model.get("lr"),
      momentum: model.get("momentum"),
      rho: model.get("rho"),
      beta1: model.get("beta1"),
      beta2: model.get("beta2"),
      eps: optimizers[name].eps
    });
    return { s, hyper };
  }
  function drawHeat(s) {
    const key = JSON.stringify([s.name, s.xlim, s.ylim, s.params]);
    if (key === heatKey) return;
    heatKey = key;
    const values = new Float64Array(GRID * GRID);
    let lo = Infinity, hi = -Infinity;
    for (let r = 0; r < GRID; r++) for (let c = 0; c < GRID; c++) {
      const w0 = s.xlim[0] + (c + 0.5) / GRID * (s.xlim[1] - s.xlim[0]);
      const w1 = s.ylim[1] - (r + 0.5) / GRID * (s.ylim[1] - s.ylim[0]);
      const v = signedLog(s.value(w0, w1));
      values[r * GRID + c] = v;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    const image = new ImageData(GRID, GRID);
    for (let i = 0; i < values.length; i++) {
      const band = Math.min(LEVELS - 1, Math.floor((values[i] - lo) / (hi - lo || 1) * LEVELS));
      const [R, G, B] = viridis.length ? viridis[Math.round(band / (LEVELS - 1) * 255)] : [band * 18, band * 18, 200];
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
    const runs = [model.get("optimizer"), model.get("compare")].filter(Boolean).map((name) => ({ name, ...trajectory(s.name, s.params, name, hyper(name), start, n) }));
    const ctx = map.ctx;
    mapPanel.clear();
    mapPanel.xlim = s.xlim;
    mapPanel.ylim = s.ylim;
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(heat, mapPanel.left, mapPanel.top, mapPanel.width, mapPanel.height);
    mapPanel.clip(() => {
      ctx.strokeStyle = "#000";
      ctx.lineWidth = 1.5;
      const [m0, m1] = s.minimum;
      ctx.beginPath();
      ctx.moveTo(mapPanel.px(m0) - 5, mapPanel.py(m1) - 5);
      ctx.lineTo(mapPanel.px(m0) + 5, mapPanel.py(m1) + 5);
      ctx.moveTo(mapPanel.px(m0) - 5, mapPanel.py(m1) + 5);
      ctx.lineTo(mapPanel.px(m0) + 5, mapPanel.py(m1) - 5);
      ctx.stroke();
    });
    const colors = [style.colors[3] || "#d62728", style.colors[0] || "#1f77b4"];
    [...runs.entries()].reverse().forEach(([k, run]) => {
      mapPanel.line(run.points.map((p) => p[0]), run.points.map((p) => p[1]), colors[k], { width: 1.6, dash: k ? [5, 3] : [] });
      mapPanel.clip(() => {
        ctx.fillStyle = colors[k];
        for (const [p0, p1] of run.points.slice(0, 60)) ctx.fillRect(mapPanel.px(p0) - 1.5, mapPanel.py(p1) - 1.5, 3, 3);
      });
    });
    mapPanel.clip(() => {
      ctx.fillStyle = "#fff";
      ctx.strokeStyle = "#000";
      ctx.lineWidth = 1.2;
      ctx.beginPath();
      ctx.arc(mapPanel.px(start[0]), mapPanel.py(start[1]), 4.5, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
    });
    mapPanel.frame({ title: `${s.formula}: start (${start.map((v) => v.toPrecision(3)).join(", ")})`, xlabel: "w₀", ylabel: "w₁" });
    mapPanel.legend(runs.map((run, k) => [run.name, colors[k], k ? [5, 3] : []]), "bottom-left");
    curve.ctx.clearRect(0, 0, curve.width, curve.height);
    const all = runs.flatMap((run) => run.values).filter(Number.isFinite);
    const logs = all.map(signedLog);
    lossPanel.xlim = [0, Math.max(1, n)];
    lossPanel.ylim = [Math.min(0, ...logs), Math.max(1e-3, ...logs) * 1.05 + 1e-9];
    [...runs.entries()].reverse().forEach(([k, run]) => lossPanel.line(
      run.values.map((_, i) => i),
      run.values.map(signedLog),
      colors[k],
      { dash: k ? [5, 3] : [] }
    ));
    lossPanel.frame({ title: "loss per step (sign · log₁₀(1 + |L|))", xlabel: "step" });
    lossPanel.legend(runs.map((run, k) => [run.name, colors[k], k ? [5, 3] : []]), "right");
    const words = runs.map((run) => {
      const outside = run.points.findIndex(([p0, p1]) => p0 < s.xlim[0] || p0 > s.xlim[1] || p1 < s.ylim[0] || p1 > s.ylim[1]);
      const last = run.values[run.values.length - 1];
      let text2 = `${run.name}: ${run.points.length - 1} steps, loss ${last.toPrecision(4)}`;
      if (run.divergedAt !== null) text2 = `${run.name} diverged at step ${run.divergedAt}: the point or its loss stopped being finite`;
      else if (outside >= 0) text2 += ` (left the plot at step ${outside})`;
      return [text2, run.divergedAt !== null ? "error" : outside >= 0 ? "warning" : ""];
    });
    status.textContent = words.filter(([, kind2]) => !kind2).map(([t]) => t).join(" · ");
    const bad = words.filter(([, kind2]) => kind2);
    const kind = bad.some(([, k]) => k === "error") ? "error" : "warning";
    message(note, bad.map(([t]) => t).join(" · "), kind);
    const text = bad.map(([t]) => t).join(" · ");
    if (model.get("message") !== text) {
      model.set("message", text);
      model.save_changes();
    }
    for (const [control, used] of [[mu, ["momentum", "nesterov"]], [rho, ["rmsprop"]], [b1, ["adam"]], [b2, ["adam"]]]) {
      control.row.style.opacity = runs.some((run) => used.includes(run.name)) ? "1" : "0.45";
    }
    surface.input.value = s.name;
    first.input.value = model.get("optimizer");
    second.input.value = model.get("compare");
    lr.set(model.get("lr"));
    mu.set(model.get("momentum"));
    rho.set(model.get("rho"));
    b1.set(model.get("beta1"));
    b2.set(model.get("beta2"));
    steps.set(model.get("steps"));
    frames += 1;
    root2.dataset.frames = String(frames);
    root2.dataset.start = JSON.stringify(start);
  }
  function schedule() {
    if (!pending) {
      pending = true;
      requestAnimationFrame(show);
    }
  }
  function pointTo(event) {
    const box = map.node.getBoundingClientRect(), scale = map.width / box.width;
    const x = (event.clientX - box.left) * scale, y = (event.clientY - box.top) * scale;
    const { s } = settings();
    const w0 = s.xlim[0] + (x - mapPanel.left) / mapPanel.width * (s.xlim[1] - s.xlim[0]);
    const w1 = s.ylim[1] - (y - mapPanel.top) / mapPanel.height * (s.ylim[1] - s.ylim[0]);
    if (w0 < s.xlim[0] || w0 > s.xlim[1] || w1 < s.ylim[0] || w1 > s.ylim[1]) return;
    model.set("start", [w0, w1]);
    model.save_changes();
  }
  let dragging = false;
  map.node.addEventListener("pointerdown", (e) => {
    dragging = true;
    map.node.setPointerCapture?.(e.pointerId);
    pointTo(e);
  });
  map.node.addEventListener("pointermove", (e) => {
    if (dragging) pointTo(e);
  });
  map.node.addEventListener("pointerup", () => {
    dragging = false;
  });
  const keys = ["surface", "optimizer", "compare", "lr", "momentum", "rho", "beta1", "beta2", "steps", "start"];
  for (const key of keys) model.on(`change:${key}`, schedule);
  show();
  return () => {
    for (const key of keys) model.off(`change:${key}`, schedule);
  };
}
var lr_lab_default = { render };
export {
  lr_lab_default as default
};
