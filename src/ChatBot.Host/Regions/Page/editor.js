// The Vary (Region) editor: the picture, a brush to paint over what should change, a prompt, submit.
// Used in place by the Playground (an overlay) and by the bot's /region page for Discord and Slack members.
// The mask it sends is a PNG of the picture's own size: opaque black where the picture stays, transparent where it changes.
(() => {
  "use strict";

  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  // mount(container, { imageUrl, prompt, submitLabel, onSubmit(prompt, maskDataUrl) -> Promise<string?>, onCancel })
  function mount(container, options) {
    const root = el("div", "region-editor");
    const stage = el("div", "region-stage");
    const image = el("img", "region-image");
    image.alt = "the picture to paint on";
    const canvas = el("canvas", "region-canvas");
    canvas.setAttribute("aria-label", "Paint over the part of the picture that should change");
    stage.append(image, canvas);

    const tools = el("div", "region-tools");
    const sizeLabel = el("label", "region-size");
    sizeLabel.append(el("span", "", "Brush"));
    const size = el("input");
    Object.assign(size, { type: "range", min: "2", max: "30", value: "8", id: "region-brush" });
    size.setAttribute("aria-label", "Brush size (percent of the picture)");
    sizeLabel.append(size);
    const undo = el("button", "region-undo", "Undo");
    const clear = el("button", "region-clear", "Clear");
    undo.type = clear.type = "button";
    tools.append(sizeLabel, undo, clear);

    const form = el("form", "region-form");
    const prompt = el("input", "region-prompt");
    Object.assign(prompt, { type: "text", placeholder: "What should appear in the painted area?", value: options.prompt || "", required: true });
    prompt.setAttribute("aria-label", "Prompt for the painted area");
    const cancel = el("button", "region-cancel", "Cancel");
    cancel.type = "button";
    cancel.hidden = !options.onCancel;
    const submit = el("button", "region-submit primary", options.submitLabel || "Vary (Region)");
    submit.type = "submit";
    const status = el("p", "region-status");
    status.setAttribute("role", "status");
    form.append(prompt, cancel, submit);
    root.append(stage, tools, form, status);
    container.replaceChildren(root);

    // Strokes in the picture's own pixels, so the mask does not depend on how large the page shows it.
    const strokes = [];
    let current = null;

    const brush = () => Math.max(2, (Number(size.value) / 100) * Math.max(image.naturalWidth, image.naturalHeight));

    function fit() {
      if (!image.naturalWidth) return;
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      draw();
    }

    function trace(ctx, stroke) {
      ctx.lineWidth = stroke.size;
      ctx.lineCap = ctx.lineJoin = "round";
      ctx.beginPath();
      stroke.points.forEach(([x, y], i) => (i ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
      if (stroke.points.length === 1) ctx.lineTo(stroke.points[0][0] + 0.01, stroke.points[0][1]);
      ctx.stroke();
    }

    function draw() {
      const ctx = canvas.getContext("2d");
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.strokeStyle = "rgba(255, 64, 129, 0.55)";
      for (const stroke of strokes) trace(ctx, stroke);
      undo.disabled = clear.disabled = strokes.length === 0;
    }

    function point(event) {
      const box = canvas.getBoundingClientRect();
      return [((event.clientX - box.left) / box.width) * canvas.width, ((event.clientY - box.top) / box.height) * canvas.height];
    }

    canvas.addEventListener("pointerdown", (event) => {
      if (!image.naturalWidth) return;
      event.preventDefault();
      canvas.setPointerCapture(event.pointerId);
      current = { size: brush(), points: [point(event)] };
      strokes.push(current);
      draw();
    });
    canvas.addEventListener("pointermove", (event) => {
      if (!current) return;
      event.preventDefault();
      current.points.push(point(event));
      draw();
    });
    const end = () => { current = null; };
    canvas.addEventListener("pointerup", end);
    canvas.addEventListener("pointercancel", end);
    undo.addEventListener("click", () => { strokes.pop(); draw(); });
    clear.addEventListener("click", () => { strokes.length = 0; draw(); });
    cancel.addEventListener("click", () => options.onCancel && options.onCancel());

    function mask() {
      const out = document.createElement("canvas");
      out.width = image.naturalWidth;
      out.height = image.naturalHeight;
      const ctx = out.getContext("2d");
      ctx.fillStyle = "#000";
      ctx.fillRect(0, 0, out.width, out.height);
      ctx.globalCompositeOperation = "destination-out";
      ctx.strokeStyle = "#000";
      for (const stroke of strokes) trace(ctx, stroke);
      return out.toDataURL("image/png");
    }

    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      if (strokes.length === 0) { status.textContent = "Paint over the part of the picture that should change first."; status.className = "region-status error"; return; }
      const text = prompt.value.trim();
      if (!text) { prompt.focus(); return; }
      submit.disabled = true;
      status.textContent = "Sending…";
      status.className = "region-status";
      try {
        const message = await options.onSubmit(text, mask());
        status.textContent = message || "";
      } catch (error) {
        status.textContent = error.message;
        status.className = "region-status error";
      } finally {
        submit.disabled = false;
      }
    });

    image.addEventListener("load", fit);
    image.src = options.imageUrl;
    draw();
    return { root, strokes, showError(message) { status.textContent = message; status.className = "region-status error"; } };
  }

  window.RegionEditor = { mount };
})();
