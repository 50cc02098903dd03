// The lists are redrawn at most once per frame, however many events arrived since the last one.

let renderers = [];
let renderScheduled = false;

/** What `scheduleRender` redraws, in order; set once by the entry module. */
export function setRenderers(...views) {
  renderers = views;
}

export function scheduleRender() {
  if (renderScheduled) return;
  renderScheduled = true;
  requestAnimationFrame(() => {
    renderScheduled = false;
    for (const render of renderers) render();
  });
}
