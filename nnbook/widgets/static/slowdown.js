// nnbook/widgets/js/activations.js
function sigmoid(z) {
  const e = Math.exp(-Math.abs(z));
  return z >= 0 ? 1 / (1 + e) : e / (1 + e);
}
function softplus(z) {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

// nnbook/widgets/js/losses.js
function slowdown({ w, b, x, y, lr, cost, epochs }) {
  const out = { a: [], cost: [], dsig: [], w: [], b: [] };
  for (let e = 0; ; e++) {
    const z = w * x + b, a = sigmoid(z), ds = a * (1 - a);
    out.a.push(a);
    out.dsig.push(ds);
    out.w.push(w);
    out.b.push(b);
    out.cost.push(cost === "quadratic" ? 0.5 * (a - y) * (a - y) : softplus(z) - y * z);
    if (e === epochs) return out;
    const delta = cost === "quadratic" ? (a - y) * ds : a - y;
    w -= lr * (delta * x);
    b -= lr * delta;
  }
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
function linspace(lo, hi, n) {
  return Array.from({ length: n }, (_, i) => lo + (hi - lo) * i / (n - 1));
}

// nnbook/widgets/js/slowdown.js
function render({ model, el: host }) {
  const style = { ...FALLBACK_STYLE, ...model.get("book_style") || {} };
  const root2 = root("nnbook-slowdown");
  const commit = (key, value) => {
    model.set(key, value);
    model.save_changes();
  };
  const w = slider({ label: "w", min: -4, max: 4, step: 0.05, value: model.get("w"), oninput: (v) => commit("w", v) });
  const b = slider({ label: "b", min: -4, max: 4, step: 0.05, value: model.get("b"), oninput: (v) => commit("b", v) });
  const fmt = (v) => v.toPrecision(2);
  const lrq = slider({
    label: "η quad.",
    min: 1e-3,
    max: 2,
    step: 0.01,
    log: true,
    value: model.get("lr_quadratic"),
    format: fmt,
    oninput: (v) => commit("lr_quadratic", v)
  });
  const lrc = slider({
    label: "η CE",
    min: 1e-4,
    max: 1,
    step: 0.01,
    log: true,
    value: model.get("lr_cross_entropy"),
    format: fmt,
    oninput: (v) => commit("lr_cross_entropy", v)
  });
  const epochs = slider({
    label: "epochs",
    min: 10,
    max: model.get("max_epochs"),
    step: 10,
    value: model.get("epochs"),
    format: (v) => String(Math.round(v)),
    oninput: (v) => commit("epochs", Math.round(v))
  });
  const presets = [[0.6, 0.9], [2, 2]].map(([pw, pb]) => button(`start (${pw}, ${pb})`, () => {
    model.set("w", pw);
    commit("b", pb);
  }, `start from w = ${pw}, b = ${pb}`));
  const status = el("div", { class: "nnbook-status", role: "status", "aria-live": "polite" });
  const left = canvas(360, 300, "the neuron's output and the cost per epoch, both costs");
  const right = canvas(360, 300, "the sigmoid, with the start and the factor σ′(z) of the quadratic cost's gradient");
  root2.append(
    el(
      "div",
      { class: "nnbook-controls" },
      w.row,
      b.row,
      lrq.row,
      lrc.row,
      epochs.row,
      el("div", { class: "nnbook-buttons" }, ...presets)
    ),
    status,
    el("div", { class: "nnbook-panels" }, left.node, right.node)
  );
  host.append(root2);
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
    outPanel.xlim = [0, start.epochs];
    outPanel.ylim = [0, 1];
    outPanel.line(xs, q.a, cq);
    outPanel.line(xs, c.a, cc, { dash: [5, 3] });
    outPanel.frame({ title: "output a per epoch (target y = 0)" });
    const relative = (cost) => cost.map((v) => v / cost[0]);
    costPanel.xlim = [0, start.epochs];
    costPanel.ylim = [0, 1.05];
    costPanel.line(xs, relative(q.cost), cq);
    costPanel.line(xs, relative(c.cost), cc, { dash: [5, 3] });
    costPanel.frame({ title: "cost / starting cost", xlabel: "epoch" });
    costPanel.legend([[`quadratic, η = ${fmt(model.get("lr_quadratic"))}`, cq], [`cross-entropy, η = ${fmt(model.get("lr_cross_entropy"))}`, cc, [5, 3]]], "bottom-left");
    right.ctx.clearRect(0, 0, right.width, right.height);
    const zs = linspace(-6, 6, 241), z0 = start.w * start.x + start.b;
    sigPanel.xlim = [-6, 6];
    sigPanel.ylim = [-0.05, 1.05];
    sigPanel.line(zs, zs.map(sigmoid), "#555");
    sigPanel.line(zs, zs.map((z) => sigmoid(z) * (1 - sigmoid(z))), style.colors[1], { width: 1.5, dash: [5, 3] });
    sigPanel.clip((ctx) => {
      ctx.fillStyle = "#000";
      ctx.beginPath();
      ctx.arc(sigPanel.px(z0), sigPanel.py(sigmoid(z0)), 5, 0, 2 * Math.PI);
      ctx.fill();
    });
    sigPanel.frame({
      title: `start z = ${z0.toFixed(2)}: a = ${sigmoid(z0).toFixed(3)}, σ′(z) = ${(sigmoid(z0) * (1 - sigmoid(z0))).toFixed(4)}`,
      xlabel: "z = wx + b"
    });
    sigPanel.legend([["σ(z)", "#555"], ["σ′(z)", style.colors[1], [5, 3]]]);
    const E = start.epochs, half = Math.floor(E / 2);
    status.textContent = `quadratic: a = ${q.a[0].toFixed(2)} → ${q.a[half].toFixed(2)} (epoch ${half}) → ${q.a[E].toFixed(2)} (epoch ${E}) · cross-entropy: ${c.a[0].toFixed(2)} → ${c.a[half].toFixed(2)} → ${c.a[E].toFixed(2)}`;
    w.set(start.w);
    b.set(start.b);
    lrq.set(model.get("lr_quadratic"));
    lrc.set(model.get("lr_cross_entropy"));
    epochs.set(E);
    frames += 1;
    root2.dataset.frames = String(frames);
  }
  const schedule = () => {
    if (!pending) {
      pending = true;
      requestAnimationFrame(show);
    }
  };
  const keys = ["w", "b", "lr_quadratic", "lr_cross_entropy", "epochs"];
  for (const key of keys) model.on(`change:${key}`, schedule);
  show();
  return () => {
    for (const key of keys) model.off(`change:${key}`, schedule);
  };
}
var slowdown_default = { render };
export {
  slowdown_default as default
};
