// The book's widgets on the static site, without a kernel: each saved widget view whose
// model is an anywidget is rendered by its own ES module (saved with the notebook's widget
// state), with a small model that keeps its state in the page.  This replaces
// @jupyter-widgets/html-manager (3.5 MB), which the book's widgets do not need: they draw
// their own controls.  Served by the site itself (no CDN); loaded on pages with widgets.
const STATE = "application/vnd.jupyter.widget-state+json";
const VIEW = "application/vnd.jupyter.widget-view+json";

class PageModel {
  constructor(state) {
    this.state = state;
    this.listeners = new Map();
  }
  get(key) { return this.state[key]; }
  set(key, value) {
    this.state[key] = value;
    for (const callback of this.listeners.get(`change:${key}`) || []) callback();
  }
  on(event, callback) {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event).add(callback);
  }
  off(event, callback) {
    if (event === undefined) this.listeners.clear();
    else if (callback === undefined) this.listeners.delete(event);
    else this.listeners.get(event)?.delete(callback);
  }
  save_changes() {}                     // nowhere to send them: there is no kernel
  send() {}
}

function bytesOf(base64) {
  const text = atob(base64), bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return new DataView(bytes.buffer);
}

function withBuffers(entry) {
  const state = structuredClone(entry.state);
  for (const { path, data } of entry.buffers || []) {
    let target = state;
    for (const key of path.slice(0, -1)) target = target[key];
    target[path[path.length - 1]] = bytesOf(data);
  }
  return state;
}

async function renderView(script, models) {
  const { model_id: id } = JSON.parse(script.textContent);
  const entry = models[id];
  if (!entry || entry.model_module !== "anywidget") return;
  const state = withBuffers(entry);
  const url = URL.createObjectURL(new Blob([state._esm], { type: "text/javascript" }));
  let widget = (await import(url)).default;
  URL.revokeObjectURL(url);
  if (typeof widget === "function") widget = await widget();
  const model = new PageModel(state);
  const host = document.createElement("div");
  host.className = "nnbook-live-widget";
  script.after(host);
  await widget.initialize?.({ model });
  await widget.render({ model, el: host });
}

async function main() {
  const saved = document.querySelector(`script[type="${STATE}"]`);
  if (!saved) return;
  const models = JSON.parse(saved.textContent).state;
  for (const script of document.querySelectorAll(`script[type="${VIEW}"]`)) {
    try {
      await renderView(script, models);
    } catch (error) {
      console.error("nnbook: a widget could not be shown", error);
    }
  }
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", main);
else main();
