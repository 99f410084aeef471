// nnbook/widgets/js/losses.js
function logSoftmax(z) {
  const m = Math.max(...z);
  const s = z.reduce((acc, v) => acc + Math.exp(v - m), 0);
  return z.map((v) => v - m - Math.log(s));
}
function softmax(z) {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((acc, v) => acc + v, 0);
  return e.map((v) => v / s);
}
var crossEntropy = (z, c) => -logSoftmax(z)[c];
function focal(p, gamma) {
  return -((1 - p) ** gamma) * Math.log(Math.max(p, Number.MIN_VALUE));
}
function multiclassHinge(z, c, margin) {
  return z.reduce((acc, v, j) => acc + (j === c ? 0 : Math.max(0, v - z[c] + margin)), 0);
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

// nnbook/widgets/js/softmax_explorer.js
var MAX_CLASSES = 5;
function render({ model, el: host }) {
  const style = { ...FALLBACK_STYLE, ...model.get("book_style") || {} };
  const root2 = root("nnbook-softmax-explorer");
  const commit = (key, value) => {
    model.set(key, value);
    model.save_changes();
  };
  const logitSliders = Array.from({ length: MAX_CLASSES }, (_, j) => slider({
    label: `z${j + 1}`,
    min: -10,
    max: 10,
    step: 0.01,
    value: model.get("logits")[j] ?? 0,
    oninput: (v) => {
      const z = model.get("logits").slice();
      z[j] = v;
      commit("logits", z);
    }
  }));
  const classes = select({
    label: "classes",
    options: [3, 4, 5].map((k) => [String(k), String(k)]),
    value: String(model.get("logits").length),
    onchange: (v) => {
      const k = Number(v), z = model.get("logits").slice(0, k);
      while (z.length < k) z.push(0);
      model.set("logits", z);
      commit("true_class", Math.min(model.get("true_class"), k - 1));
    }
  });
  const truth = select({
    label: "true class",
    options: Array.from({ length: MAX_CLASSES }, (_, j) => [String(j), `class ${j + 1}`]),
    value: String(model.get("true_class")),
    onchange: (v) => commit("true_class", Number(v))
  });
  const temp = slider({
    label: "T",
    min: 0.1,
    max: 10,
    step: 0.01,
    log: true,
    value: model.get("temperature"),
    format: (v) => v.toPrecision(2),
    oninput: (v) => commit("temperature", v)
  });
  const gamma = slider({
    label: "focal γ",
    min: 0,
    max: 5,
    step: 0.1,
    value: model.get("gamma"),
    format: (v) => v.toFixed(1),
    oninput: (v) => commit("gamma", v)
  });
  const margin = slider({ label: "margin", min: 0, max: 2, step: 0.05, value: model.get("margin"), oninput: (v) => commit("margin", v) });
  const status = el("div", { class: "nnbook-status", role: "status", "aria-live": "polite" });
  const bars = canvas(420, 300, "probabilities and the gradient p − y per class");
  root2.append(
    el("div", { class: "nnbook-controls" }, classes.row, truth.row, ...logitSliders.map((s) => s.row), temp.row, gamma.row, margin.row),
    status,
    el("div", { class: "nnbook-panels" }, bars.node)
  );
  host.append(root2);
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
    const colors = p.map((_, j) => j === c ? style.colors[2] || "#2ca02c" : style.colors[0]);
    pPanel.xlim = [0, k];
    pPanel.ylim = [0, 1];
    barChart(pPanel, p, colors);
    const ticks = p.map((_, j) => [j + 0.5, `class ${j + 1}`]);
    pPanel.frame({ title: `p = softmax(z / T): ${p.map((v) => v.toPrecision(3)).join(", ")}`, xticks: ticks });
    gPanel.xlim = [0, k];
    gPanel.ylim = [-1, 1];
    barChart(gPanel, grad, colors);
    gPanel.frame({ title: "∂CE/∂(z/T) = p − y (the true class in green)", xticks: ticks });
    status.textContent = `cross-entropy ${ce.toPrecision(6)} · focal (γ = ${model.get("gamma")}) ${fl.toPrecision(4)} · hinge (margin ${model.get("margin")}, on z) ${hinge.toPrecision(4)}`;
    logitSliders.forEach((s, j) => {
      s.row.style.display = j < k ? "" : "none";
      if (j < k) s.set(z[j]);
    });
    classes.input.value = String(k);
    for (const option of truth.input.options) option.disabled = Number(option.value) >= k;
    truth.input.value = String(c);
    temp.set(T);
    gamma.set(model.get("gamma"));
    margin.set(model.get("margin"));
    frames += 1;
    root2.dataset.frames = String(frames);
    root2.dataset.values = JSON.stringify({ p, ce, focal: fl, hinge });
  }
  const schedule = () => {
    if (!pending) {
      pending = true;
      requestAnimationFrame(show);
    }
  };
  const keys = ["logits", "true_class", "temperature", "gamma", "margin"];
  for (const key of keys) model.on(`change:${key}`, schedule);
  show();
  return () => {
    for (const key of keys) model.off(`change:${key}`, schedule);
  };
}
var softmax_explorer_default = { render };
export {
  softmax_explorer_default as default
};
