// nnbook/widgets/js/activations.js
function sigmoid(z) {
  const e = Math.exp(-Math.abs(z));
  return z >= 0 ? 1 / (1 + e) : e / (1 + e);
}
function dSigmoid(z) {
  const e = Math.exp(-Math.abs(z));
  return e / ((1 + e) * (1 + e));
}
function softplus(z) {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}
function erfc(x) {
  if (x < 0) return 2 - erfc(-x);
  if (x < 2.5) {
    let term = x, sum = x;
    for (let n = 1; n < 200 && term > 1e-17 * sum; n++) {
      term *= 2 * x * x / (2 * n + 1);
      sum += term;
    }
    return 1 - 2 / Math.sqrt(Math.PI) * Math.exp(-x * x) * sum;
  }
  if (x > 27) return 0;
  let f = x;
  for (let k = 60; k >= 1; k--) f = x + k / 2 / f;
  return Math.exp(-x * x) / (Math.sqrt(Math.PI) * f);
}
function normalCdf(z) {
  return 0.5 * erfc(-z / Math.SQRT2);
}
var clip = (v, lo, hi) => Math.min(Math.max(v, lo), hi);
var ACTIVATIONS = {
  identity: [(z) => z, () => 1, null],
  step: [(z) => z >= 0 ? 1 : 0, () => 0, null],
  sigmoid: [sigmoid, dSigmoid, null],
  tanh: [Math.tanh, (z) => {
    const t = Math.tanh(z);
    return 1 - t * t;
  }, null],
  hard_sigmoid: [(z) => clip(0.25 * z + 0.5, 0, 1), (z) => z > -2 && z < 2 ? 0.25 : 0, null],
  hard_tanh: [(z) => clip(z, -1, 1), (z) => z > -1 && z < 1 ? 1 : 0, null],
  relu: [(z) => Math.max(z, 0), (z) => z >= 0 ? 1 : 0, null],
  leaky_relu: [(z, p) => z >= 0 ? z : p * z, (z, p) => z >= 0 ? 1 : p, "slope", 0.01],
  prelu: [(z, p) => z >= 0 ? z : p * z, (z, p) => z >= 0 ? 1 : p, "a", 0.25],
  softplus: [softplus, sigmoid, null],
  elu: [
    (z, p) => z >= 0 ? z : p * Math.expm1(Math.min(z, 0)),
    (z, p) => z >= 0 ? 1 : p * Math.exp(Math.min(z, 0)),
    "alpha",
    1
  ],
  swish: [(z, p) => z * sigmoid(p * z), (z, p) => sigmoid(p * z) + p * z * dSigmoid(p * z), "beta", 1],
  gelu: [
    (z) => z * normalCdf(z),
    (z) => {
      const c = clip(z, -40, 40);
      return normalCdf(z) + z * Math.exp(-0.5 * c * c) / Math.sqrt(2 * Math.PI);
    },
    null
  ]
};
function activation(name, p) {
  const entry = ACTIVATIONS[name];
  if (!entry) throw new Error(`unknown activation ${name}`);
  const [f, df, param, fallback] = entry;
  const value = param === null ? void 0 : p === void 0 || p === null ? fallback : p;
  return { f: (z) => f(z, value), df: (z) => df(z, value), param, value };
}

// nnbook/widgets/js/draw.js
var FALLBACK_STYLE = {
  colors: ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd"],
  classes: ["#1f77b4", "#d62728"],
  cmap: null,
  font: 12
};
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
  clip(draw2) {
    const { ctx } = this;
    ctx.save();
    ctx.beginPath();
    ctx.rect(this.left, this.top, this.width, this.height);
    ctx.clip();
    draw2(ctx);
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
function limits(...arrays) {
  let lo = 0, hi = 0;
  for (const a of arrays) for (const v of a) if (Number.isFinite(v)) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const pad = hi > lo ? 0.08 * (hi - lo) : 0.5;
  return [lo - pad, hi + pad];
}
function linspace(lo, hi, n) {
  return Array.from({ length: n }, (_, i) => lo + (hi - lo) * i / (n - 1));
}

// nnbook/widgets/js/activation_explorer.js
var N_POINTS = 601;
function draw(state, left, right, style) {
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
  left.frame({ title: `${label}
range ${entry.range}, max f′ = ${Math.max(...df).toFixed(3)}`, xlabel: "net input z" });
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
  right.frame({
    title: `a = f(${w.toFixed(2)}·x ${sign} ${Math.abs(b).toFixed(2)})
saturated (abs(f′) < ${eps.toPrecision(2).replace(/\.?0+$/, "")}) on ${Math.round(100 * share)}% of x`,
    xlabel: "input x"
  });
  right.legend([["a = f(wx + b)", c0], ["∂a/∂b = f′(wx + b)", c1, [5, 3]], ["saturated", grey], ["z = 0", c2, [2, 3]]]);
  if (da.every((v) => v === 0)) return ["note", "f′(wx + b) = 0 for every x in the range: no gradient reaches w or b, so training cannot move this neuron."];
  if (saturated.every(Boolean)) return ["note", `the neuron is saturated on the whole x-range: abs(f′(wx + b)) < ${eps} everywhere, so the gradients through it nearly vanish.`];
  if (w === 0) return ["note", "w = 0: the output does not depend on x."];
  return ["", ""];
}
function render({ model, el: host }) {
  const style = { ...FALLBACK_STYLE, ...model.get("book_style") || {} };
  const table = model.get("table");
  const root2 = root("nnbook-activation-explorer");
  const state = () => ({
    name: model.get("name"),
    param: model.get("param"),
    w: model.get("w"),
    b: model.get("b"),
    x_range: model.get("x_range"),
    eps: model.get("eps"),
    table
  });
  const commit = (changes) => {
    for (const [key, value] of Object.entries(changes)) model.set(key, value);
    model.save_changes();
    schedule();
  };
  const entry = (name) => table.find((t) => t.name === name);
  const fn = select({
    label: "f",
    options: table.map((t) => [t.name, t.name]),
    value: model.get("name"),
    onchange: (name) => {
      const t = entry(name);
      commit({ name, param: t.param ? t.default : null });
    }
  });
  const param = slider({ label: "param", min: 0, max: 1, step: 0.01, value: 0, oninput: (v) => commit({ param: v }) });
  const w = slider({ label: "w", min: -5, max: 5, step: 0.05, value: model.get("w"), oninput: (v) => commit({ w: v }) });
  const b = slider({ label: "b", min: -10, max: 10, step: 0.1, value: model.get("b"), oninput: (v) => commit({ b: v }) });
  const xlo = slider({
    label: "x from",
    min: -20,
    max: 20,
    step: 0.5,
    value: model.get("x_range")[0],
    format: (v) => v.toFixed(1),
    oninput: (v) => commit({ x_range: [Math.min(v, model.get("x_range")[1] - 0.5), model.get("x_range")[1]] })
  });
  const xhi = slider({
    label: "x to",
    min: -20,
    max: 20,
    step: 0.5,
    value: model.get("x_range")[1],
    format: (v) => v.toFixed(1),
    oninput: (v) => commit({ x_range: [model.get("x_range")[0], Math.max(v, model.get("x_range")[0] + 0.5)] })
  });
  const eps = slider({
    label: "ε",
    min: 1e-4,
    max: 0.1,
    step: 0.1,
    value: model.get("eps"),
    log: true,
    format: (v) => v.toExponential(0),
    oninput: (v) => commit({ eps: v })
  });
  const reset = button("reset", () => {
    const t = entry("sigmoid");
    commit({ name: t.name, param: null, w: 1, b: 0, x_range: [-6, 6], eps: 0.01 });
  }, "reset the explorer");
  const note = el("div", { class: "nnbook-message", role: "status", "aria-live": "polite" });
  const surfaceL = canvas(380, 280, "f(z) and f′(z)"), surfaceR = canvas(380, 280, "the neuron's output a and ∂a/∂b against x");
  const box = [50, 40, 318, 200];
  const left = new Panel(surfaceL, box, style), right = new Panel(surfaceR, box, style);
  root2.append(
    el(
      "div",
      { class: "nnbook-controls" },
      w.row,
      b.row,
      fn.row,
      param.row,
      xlo.row,
      xhi.row,
      eps.row,
      el("div", { class: "nnbook-buttons" }, reset)
    ),
    note,
    el("div", { class: "nnbook-panels" }, surfaceL.node, surfaceR.node)
  );
  host.append(root2);
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
    w.set(s.w);
    b.set(s.b);
    xlo.set(s.x_range[0]);
    xhi.set(s.x_range[1]);
    eps.set(s.eps);
    const start = performance.now();
    const [kind, text] = draw(s, left, right, style);
    message(note, text, kind);
    if (model.get("message") !== text) {
      model.set("message", text);
      model.save_changes();
    }
    frames += 1;
    root2.dataset.frames = String(frames);
    root2.dataset.drawMs = (performance.now() - start).toFixed(2);
  }
  function schedule() {
    if (!pending) {
      pending = true;
      requestAnimationFrame(show);
    }
  }
  const names = ["name", "param", "w", "b", "x_range", "eps"];
  for (const key of names) model.on(`change:${key}`, schedule);
  show();
  return () => {
    for (const key of names) model.off(`change:${key}`, schedule);
  };
}
var activation_explorer_default = { render };
export {
  activation_explorer_default as default,
  draw
};
