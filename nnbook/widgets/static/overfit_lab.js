// nnbook/widgets/js/draw.js
var FALLBACK_STYLE = {
  colors: ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd"],
  classes: ["#1f77b4", "#d62728"],
  cmap: null,
  font: 12
};
function floats(view) {
  if (view instanceof Float64Array) return view;
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  return new Float64Array(bytes.slice().buffer);
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
function linspace(lo, hi, n) {
  return Array.from({ length: n }, (_, i) => lo + (hi - lo) * i / (n - 1));
}

// nnbook/widgets/js/overfit_lab.js
function curve(c, domain, xs) {
  const [lo, hi] = domain, off = -(hi + lo) / (hi - lo), scl = 2 / (hi - lo);
  return Array.from(xs, (x) => {
    const t = off + scl * x;
    let p = c[c.length - 1];
    for (let k = c.length - 2; k >= 0; k--) p = c[k] + p * t;
    return p;
  });
}
function rms(c, domain, xs, ys) {
  const p = curve(c, domain, xs);
  let sse = 0;
  for (let i = 0; i < xs.length; i++) sse += (ys[i] - p[i]) ** 2;
  return Math.sqrt(sse / xs.length);
}
function coefficients(table, lambdas, degree, j) {
  const start = (degree * lambdas + j) * 17;
  return Array.from(table.subarray(start, start + degree + 1));
}
function errors({ table, lambdas, j, domain, x, y, hx, hy, degrees = 17 }) {
  const out = { train: [], heldout: [], size: [] };
  for (let d = 0; d < degrees; d++) {
    const c = coefficients(table, lambdas, d, j);
    out.train.push(rms(c, domain, x, y));
    out.heldout.push(rms(c, domain, hx, hy));
    out.size.push(Math.sqrt(c.slice(1).reduce((s, v) => s + v * v, 0)));
  }
  return out;
}
var fmtLambda = (v) => v === 0 ? "0" : v.toExponential(0).replace("e-", "e−").replace("e+", "e");
var sci = (v) => v.toExponential(1).replace("e+", "e").replace("e-", "e−");
function render({ model, el: host }) {
  const style = { ...FALLBACK_STYLE, ...model.get("book_style") || {} };
  const root2 = root("nnbook-overfit-lab");
  const x = floats(model.get("x")), y = floats(model.get("y")), hx = floats(model.get("heldout_x"));
  const allHy = floats(model.get("heldout_y")), lambdas = Array.from(floats(model.get("lambdas")));
  const table = floats(model.get("coef")), domain = model.get("domain");
  const condRaw = floats(model.get("cond_raw")), condScaled = floats(model.get("cond_scaled"));
  const [yLo, yHi] = model.get("y_clip"), draws = model.get("draws"), L = lambdas.length;
  const lambdaIndex = (v) => lambdas.reduce((best, l, i) => Math.abs(l - v) < Math.abs(lambdas[best] - v) ? i : best, 0);
  const commit = (key, value) => {
    model.set(key, value);
    model.save_changes();
  };
  const degree = slider({
    label: "degree",
    min: 0,
    max: 16,
    step: 1,
    value: model.get("degree"),
    format: (v) => String(Math.round(v)),
    oninput: (v) => commit("degree", Math.round(v))
  });
  const lam = slider({
    label: "ridge λ",
    min: 0,
    max: L - 1,
    step: 1,
    value: lambdaIndex(model.get("l2")),
    format: (i) => fmtLambda(lambdas[Math.round(i)]),
    oninput: (i) => commit("l2", lambdas[Math.round(i)])
  });
  const toggle = el("input", { type: "checkbox", id: `nnbook-heldout-${Math.random().toString(36).slice(2)}` });
  toggle.checked = model.get("show_heldout");
  toggle.addEventListener("change", () => commit("show_heldout", toggle.checked));
  const redraw = button(
    "new held-out draw",
    () => commit("draw", (model.get("draw") + 1) % draws),
    "draw new held-out points from the same process"
  );
  const status = el("div", { class: "nnbook-status", role: "status", "aria-live": "polite" });
  const note = el("div", { class: "nnbook-message" });
  const left = canvas(360, 300, "Kneusel's 17 points, the held-out points and the fitted polynomial");
  const right = canvas(360, 300, "training and held-out error against the degree, and the size of the coefficients");
  root2.append(
    el(
      "div",
      { class: "nnbook-controls" },
      degree.row,
      lam.row,
      el("div", { class: "nnbook-row" }, toggle, el("label", { for: toggle.id }, "held-out points")),
      el("div", { class: "nnbook-buttons" }, redraw)
    ),
    status,
    note,
    el("div", { class: "nnbook-panels" }, left.node, right.node)
  );
  host.append(root2);
  const fitPanel = new Panel(left, [48, 22, 300, 246], style);
  const errPanel = new Panel(right, [52, 22, 296, 130], style), sizePanel = new Panel(right, [52, 190, 296, 78], style);
  const [ct, ch] = [style.colors[0], style.colors[1]];
  let frames = 0, pending = false;
  function logPlot(panel, values, color, marker, d, first = 0) {
    const logs = values.map((v) => Math.log10(Math.max(v, 1e-3)));
    panel.line(logs.map((_, i) => first + i), logs, color, { width: 1.5 });
    panel.clip((ctx) => {
      ctx.fillStyle = color;
      logs.forEach((v, i) => {
        const r = first + i === d ? 5 : 2.5, px = panel.px(first + i);
        if (marker === "square") ctx.fillRect(px - r, panel.py(v) - r, 2 * r, 2 * r);
        else {
          ctx.beginPath();
          ctx.arc(px, panel.py(v), r, 0, 2 * Math.PI);
          ctx.fill();
        }
      });
    });
  }
  function show() {
    pending = false;
    const d = model.get("degree"), j = lambdaIndex(model.get("l2")), k = model.get("draw"), withHeld = model.get("show_heldout");
    const hy = allHy.subarray(k * hx.length, (k + 1) * hx.length);
    const c = coefficients(table, L, d, j), e = errors({ table, lambdas: L, j, domain, x, y, hx, hy });
    const xs = linspace(domain[0], domain[1], 400), ps = curve(c, domain, xs);
    left.ctx.clearRect(0, 0, left.width, left.height);
    fitPanel.xlim = [domain[0] - 0.2, domain[1] + 0.2];
    fitPanel.ylim = [yLo, yHi];
    fitPanel.line(xs, ps, ct);
    fitPanel.clip((ctx) => {
      ctx.fillStyle = "#000";
      for (let i = 0; i < x.length; i++) {
        ctx.beginPath();
        ctx.arc(fitPanel.px(x[i]), fitPanel.py(y[i]), 3.5, 0, 2 * Math.PI);
        ctx.fill();
      }
      if (withHeld) {
        ctx.strokeStyle = ch;
        ctx.lineWidth = 1.5;
        for (let i = 0; i < hx.length; i++) {
          ctx.beginPath();
          ctx.arc(fitPanel.px(hx[i]), fitPanel.py(hy[i]), 3.5, 0, 2 * Math.PI);
          ctx.stroke();
        }
      }
    });
    fitPanel.frame({ title: `degree ${d}, λ = ${fmtLambda(lambdas[j])}`, xlabel: "x" });
    fitPanel.legend([["fit", ct], ["17 points", "#000"], ...withHeld ? [[`held out (draw ${k})`, ch]] : []]);
    right.ctx.clearRect(0, 0, right.width, right.height);
    const logs = [...e.train, ...e.heldout].map((v) => Math.log10(Math.max(v, 1e-3)));
    errPanel.xlim = [-0.5, 16.5];
    errPanel.ylim = [Math.floor(Math.min(...logs)), Math.ceil(Math.max(...logs))];
    errPanel.vline(d, "#888");
    logPlot(errPanel, e.train, ct, "circle", d);
    if (withHeld) logPlot(errPanel, e.heldout, ch, "square", d);
    errPanel.frame({ title: "RMS error (log scale)", ylabel: "log₁₀" });
    errPanel.legend([["training", ct], ...withHeld ? [["held out", ch]] : []], "right");
    const sizes = e.size.slice(1).map((v) => Math.log10(Math.max(v, 1e-3)));
    sizePanel.xlim = [-0.5, 16.5];
    sizePanel.ylim = [Math.min(0, Math.floor(Math.min(...sizes))), Math.ceil(Math.max(...sizes)) || 1];
    sizePanel.vline(d, "#888");
    logPlot(sizePanel, e.size.slice(1), "#555", "circle", d, 1);
    sizePanel.frame({ title: "coefficient size ‖(c₁ … c_d)‖ (log₁₀)", xlabel: "degree" });
    const lo = Math.min(...ps), hi = Math.max(...ps), out = lo < yLo || hi > yHi;
    const held = withHeld ? ` · held-out RMS ${e.heldout[d].toFixed(1)}` : "";
    status.textContent = `training RMS ${e.train[d].toFixed(d === 16 && j === 0 ? 4 : 1)}${held}` + (out ? ` · the curve leaves the plot: it spans ${lo.toFixed(0)} … ${hi.toFixed(0)} (y clipped to ${yLo} … ${yHi})` : "");
    if (condRaw[d] > 1e12) {
      message(note, `in raw powers of x this fit's condition number is ${sci(condRaw[d])}: solved directly it would lose about ${Math.round(Math.log10(condRaw[d]))} of float64's 16 digits; nnbook fits in scaled powers of t ∈ [−1, 1] (condition ${sci(condScaled[d])})${d === 16 && j === 0 ? "; degree 16 interpolates: 17 coefficients for 17 points" : ""}`, "note");
    } else message(note, "");
    degree.set(d);
    lam.set(j);
    toggle.checked = withHeld;
    frames += 1;
    root2.dataset.frames = String(frames);
  }
  const schedule = () => {
    if (!pending) {
      pending = true;
      requestAnimationFrame(show);
    }
  };
  const keys = ["degree", "l2", "show_heldout", "draw"];
  for (const key of keys) model.on(`change:${key}`, schedule);
  show();
  return () => {
    for (const key of keys) model.off(`change:${key}`, schedule);
  };
}
var overfit_lab_default = { render };
export {
  coefficients,
  curve,
  overfit_lab_default as default,
  errors,
  rms
};
