// The Playground page: a chat channel over the Playground HTTP API (no framework, no CDN).
(() => {
  "use strict";

  const COMMANDS = [
    { name: "/imagine", args: "<prompt>", desc: "Create images from a prompt", options: ["--ar", "--n", "--seed", "--no", "--model", "--style", "--neg"] },
    { name: "/edit", args: "<prompt>", desc: "Change an attached image (reframe, edit…)", options: ["--mode", "--ar", "--strength", "--seed", "--model"] },
    { name: "/video", args: "<prompt>", desc: "Animate an attached image or a prompt into a short clip", options: ["--duration", "--res", "--ar", "--seed", "--model"] },
    { name: "/upscale", args: "", desc: "Upscale an attached image", options: ["--factor", "--model"] },
    { name: "/animate", args: "<prompt>", desc: "Turn an attached image into a short clip", options: ["--duration", "--ar", "--model"] },
    { name: "/credits", args: "", desc: "Your balance, reservations, allowance and recent movements", options: [] },
    { name: "/credits grant", args: "@user <amount>", desc: "Admins: give credits to a member", options: [] },
    { name: "/credits set-allowance", args: "<amount>", desc: "Admins: set the daily allowance", options: [] },
    { name: "/jobs", args: "", desc: "Your queued and running jobs", options: [] },
    { name: "/cancel", args: "<job id>", desc: "Cancel a queued or running job (refunds it)", options: [] },
    { name: "/history", args: "", desc: "Your latest results, with Show, Info and Re-roll buttons", options: [] },
    { name: "/show", args: "<job id>", desc: "Post one of your results again, with its buttons", options: [] },
    { name: "/settings me", args: "model:<id> ar:<ratio> n:<count>", desc: "Your own defaults (flags still win); /settings me clear", options: [] },
    { name: "/models", args: "", desc: "What each model does and what it costs", options: [] },
    { name: "/help", args: "", desc: "How to use the bot", options: [] },
  ];

  const OPTIONS = {
    "--ar": "aspect ratio, e.g. 16:9",
    "--n": "number of images, e.g. 2",
    "--seed": "seed for repeatable results, e.g. 42",
    "--no": "things to leave out, e.g. text",
    "--neg": "negative prompt",
    "--model": "model id (see /models)",
    "--style": "style preset",
    "--mode": "edit mode, e.g. reframe",
    "--strength": "how far to move from the image, 0–1",
    "--duration": "clip length in seconds, e.g. 5",
    "--res": "resolution, e.g. 720p",
    "--factor": "upscale factor, 2 or 4",
  };

  const $ = (id) => document.getElementById(id);
  const messages = $("messages");
  const text = $("text");
  const hints = $("hints");
  const fileInput = $("file");
  const attachmentsBox = $("attachments");
  const connection = $("connection");

  const replies = new Map();   // replyId -> { data, element }
  let user = "";
  let pending = [];           // attachments: { fileName, dataBase64, url }
  let models = [];
  let hintItems = [];
  let hintIndex = 0;
  let buttonPrompt = null;

  // ---------- helpers ----------
  const el = (tag, className, content) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined) node.textContent = content;
    return node;
  };

  const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));

  // A small, safe subset of chat Markdown: `code`, **bold**, __underline__, *italics* / _italics_, line breaks.
  const inline = (s) => escapeHtml(s)
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replace(/__([^_]+)__/g, "<strong>$1</strong>")
    .replace(/(^|[\s(])\*([^*\n]+)\*(?=$|[\s).,:;!?])/g, "$1<em>$2</em>")
    .replace(/(^|[\s(])_([^_\n]+)_(?=$|[\s).,:;!?])/g, "$1<em>$2</em>");
  const markdown = (s) => (s || "").split(/`([^`\n]+)`/)
    .map((part, i) => i % 2 ? `<code>${escapeHtml(part)}</code>` : inline(part))
    .join("");

  const colorFor = (name) => {
    let h = 0;
    for (const ch of name) h = (h * 31 + ch.codePointAt(0)) % 360;
    return `hsl(${h} 55% 52%)`;
  };

  const time = (iso) => {
    const d = iso ? new Date(iso) : new Date();
    return d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  };

  // The bot's one duration format: 42s, 2m 05s, 1h 10m.
  const seconds = (s) => {
    const t = Math.max(0, Math.round(s));
    if (t < 60) return `${t}s`;
    if (t < 3600) return `${Math.floor(t / 60)}m ${String(t % 60).padStart(2, "0")}s`;
    return `${Math.floor(t / 3600)}h ${String(Math.floor(t / 60) % 60).padStart(2, "0")}m`;
  };

  const scrollToEnd = () => { messages.scrollTop = messages.scrollHeight; };
  const nearEnd = () => messages.scrollHeight - messages.scrollTop - messages.clientHeight < 120;

  // ---------- rendering ----------
  function renderUserMessage(data) {
    const row = el("div", "msg");
    const avatar = el("div", "avatar", (data.user || "?").slice(0, 1).toUpperCase());
    avatar.style.background = colorFor(data.user || "?");
    const main = el("div");
    const meta = el("div", "meta");
    meta.append(el("span", "name", data.user || "someone"), el("span", "time", time(data.createdAt)));
    main.append(meta, el("div", "body command", data.message));
    row.append(avatar, main);
    return row;
  }

  function statusLine(data) {
    const line = el("div", "status-line");
    line.append(el("span", `badge ${data.status}`, data.status.replace(/-/g, " ")));
    const parts = [];
    // The place in line is in the text; each fact once.
    if (data.status === "running" && typeof data.progress === "number") parts.push(`${Math.round(data.progress)}%`);
    if (data.elapsedSeconds != null && (data.status === "running" || data.status === "queued")) parts.push(`⏱ ${seconds(data.elapsedSeconds)}`);
    if (data.waitSeconds != null && data.status === "queued") parts.push(`starts in ~${seconds(data.waitSeconds)}`);
    if (data.etaSeconds != null && (data.status === "running" || data.status === "queued")) parts.push(`ETA ~${seconds(data.etaSeconds)}`);
    // A finished reply's text names the model already.
    if (data.modelLabel && (data.status === "running" || data.status === "queued")) parts.push(data.modelLabel);
    if (parts.length) line.append(el("span", "", parts.join(" · ")));
    return line;
  }

  function mediaGrid(files, className) {
    const grid = el("div", `media ${files.length === 1 ? "single" : ""} ${className || ""}`);
    for (const file of files) {
      if (file.contentType.startsWith("video/")) {
        const video = el("video");
        Object.assign(video, { src: file.url, controls: true, loop: true, muted: true, autoplay: true, playsInline: true });
        grid.append(video);
      } else {
        const link = el("a");
        link.href = file.url;
        link.target = "_blank";
        const img = el("img");
        img.src = file.url;
        img.alt = "result";
        link.append(img);
        grid.append(link);
      }
    }
    return grid;
  }

  // Several images: one numbered grid (the numbers match U1…/V1…); a click shows the single images under it.
  function gridView(gridUrl, files) {
    const wrap = el("div", "grid-result");
    const img = el("img", "grid-image");
    img.src = gridUrl;
    img.alt = `${files.length} images, numbered 1 to ${files.length}`;
    img.title = "Click to see each image";
    const singles = mediaGrid(files, "result singles");
    singles.hidden = true;
    img.addEventListener("click", () => { singles.hidden = !singles.hidden; });
    wrap.append(mediaGrid([], "single"), singles);
    wrap.firstChild.append(img);
    return wrap;
  }

  function renderReply(data) {
    const row = el("div", "msg");
    row.dataset.replyId = data.replyId;
    row.dataset.status = data.status;
    const main = el("div");
    const meta = el("div", "meta");
    meta.append(el("span", "name", "ChatBot"), el("span", "tag", "BOT"), el("span", "time", time(data.createdAt)));
    const card = el("div", `card ${data.jobId ? data.status : data.status === "succeeded" ? "info" : data.status}`);

    if (data.text === "…" && !data.jobId) {
      // Received, not answered yet (a few milliseconds, usually).
      card.append(el("div", "status-line", "ChatBot is thinking…"));
    } else {
      if (data.title) card.append(el("div", "card-title", data.title));
      if (data.jobId || data.status !== "succeeded") card.append(statusLine(data));
    }

    if (data.jobId && (data.status === "running" || data.status === "queued")) {
      const bar = el("div", "progress");
      const fill = el("div");
      if (data.status === "running" && typeof data.progress === "number") fill.style.width = `${Math.max(2, Math.min(100, data.progress))}%`;
      else bar.classList.add("indeterminate");
      bar.append(fill);
      card.append(bar);
    }

    if (data.text && data.text !== "…") {
      const body = el("div", "text");
      body.innerHTML = markdown(data.text);
      card.append(body);
    }

    if (data.grid && data.files && data.files.length > 1) card.append(gridView(data.grid, data.files));
    else if (data.files && data.files.length) card.append(mediaGrid(data.files, "result"));
    else if (data.preview) card.append(mediaGrid([{ url: data.preview, contentType: "image/png" }], "preview"));

    if (data.buttons && data.buttons.length) {
      const buttons = el("div", "buttons");
      for (const b of data.buttons) {
        const button = el("button", "", b.label);
        button.type = "button";
        button.addEventListener("click", () => press(data, b, button));
        buttons.append(button);
      }
      card.append(buttons);
    }

    if (data.ephemeral && data.text !== "…") card.append(el("div", "ephemeral", "Only you can see this"));
    main.append(meta, card);
    row.append(el("div", "avatar bot", "✦"), main);
    return row;
  }

  function upsert(data) {
    // The host sends a private answer only to the member who asked; a local notice is private too.
    const known = replies.get(data.replyId);
    if (known && known.data.revision >= data.revision) return;
    const stick = nearEnd();
    const replyNode = renderReply(data);
    if (known) {
      known.element.replaceWith(replyNode);
      known.element = replyNode;
      known.data = data;
    } else {
      $("welcome")?.remove();
      if (data.message) messages.append(renderUserMessage(data));
      messages.append(replyNode);
      replies.set(data.replyId, { data, element: replyNode });
    }
    if (stick || !known) scrollToEnd();
    // A picture grows the reply when it loads: keep the newest result in view, unless the member scrolled up to read.
    if (stick || !known) {
      for (const media of replyNode.querySelectorAll("img, video")) {
        media.addEventListener(media.tagName === "IMG" ? "load" : "loadedmetadata", () => { if (replies.get(data.replyId)?.element === replyNode) scrollToEnd(); }, { once: true });
      }
    }
  }

  // ---------- API ----------
  // Requests carry the session cookie and, for changes, the CSRF token (session.js).
  const api = (path, options) => window.PlaygroundSession.api(path, options);

  async function refresh(replyId) {
    try { upsert(await api(`/api/playground/replies/${encodeURIComponent(replyId)}`)); } catch { /* the event stream will bring it */ }
  }

  function localNotice(message) {
    upsert({ replyId: `local-${Date.now()}`, status: "failed", title: "", text: message, buttons: [], files: [], media: [], user, message: "", ephemeral: true, revision: 0, createdAt: new Date().toISOString() });
  }

  async function send(event) {
    event.preventDefault();
    const line = text.value.trim();
    if (!line) return;
    $("send").disabled = true;
    try {
      const body = { text: line, attachments: pending.map(({ fileName, dataBase64, role }) => ({ fileName, dataBase64, role })) };
      const { replyId } = await api("/api/playground/messages", { method: "POST", body: JSON.stringify(body) });
      text.value = "";
      pending = [];
      renderAttachments();
      hideHints();
      await refresh(replyId);
    } catch (error) {
      localNotice(error.message);
    } finally {
      $("send").disabled = false;
      text.focus();
    }
  }

  // Vary (Region) opens the editor over the page; its submit presses the button with the painted mask.
  function openRegion(data, button) {
    const overlay = $("region-overlay");
    const file = (data.files || [])[0];
    if (!file) return;
    const close = () => { overlay.hidden = true; $("region-editor").replaceChildren(); };
    window.RegionEditor.mount($("region-editor"), {
      imageUrl: file.url,
      prompt: "",
      onCancel: close,
      onSubmit: async (prompt, mask) => {
        const path = `/api/playground/replies/${encodeURIComponent(data.replyId)}/buttons/${encodeURIComponent(button.id)}`;
        const { replyId } = await api(path, { method: "POST", body: JSON.stringify({ prompt, mask }) });
        close();
        await refresh(replyId);
        return "";
      },
    });
    overlay.hidden = false;
  }

  async function press(data, button, node) {
    if (button.action === "VaryRegion") { openRegion(data, button); return; }
    let prompt = null;
    if (button.action === "Edit") {
      prompt = await askPrompt(button.label);
      if (!prompt) return;
    }
    node.disabled = true;
    try {
      const path = `/api/playground/replies/${encodeURIComponent(data.replyId)}/buttons/${encodeURIComponent(button.id)}`;
      const { replyId } = await api(path, { method: "POST", body: JSON.stringify({ prompt }) });
      await refresh(replyId);
    } catch (error) {
      localNotice(error.message);
    } finally {
      node.disabled = false;
    }
  }

  function connect() {
    const source = new EventSource("/api/playground/events");
    let connectedBefore = false;
    source.addEventListener("ready", () => {
      connection.textContent = "● live";
      connection.className = "connection live";
      // After a reconnect (e.g. the bot restarted), catch up on what changed meanwhile.
      if (connectedBefore) loadHistory();
      connectedBefore = true;
    });
    source.addEventListener("reply", (e) => upsert(JSON.parse(e.data)));
    source.onerror = () => { connection.textContent = "● reconnecting"; connection.className = "connection down"; };
  }

  async function loadHistory() {
    try {
      for (const reply of await api("/api/playground/replies?limit=100")) upsert(reply);
    } catch { /* an empty channel is fine */ }
    try { models = await api("/api/playground/models"); } catch { models = []; }
  }

  // ---------- attachments ----------
  fileInput.addEventListener("change", async () => {
    for (const file of fileInput.files) {
      const dataUrl = await new Promise((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result);
        reader.onerror = () => reject(reader.error);
        reader.readAsDataURL(file);
      });
      pending.push({ fileName: file.name, dataBase64: String(dataUrl).split(",")[1] || "", url: dataUrl, type: file.type });
    }
    fileInput.value = "";
    renderAttachments();
    text.focus();
  });

  function renderAttachments() {
    attachmentsBox.replaceChildren();
    attachmentsBox.hidden = pending.length === 0;
    pending.forEach((file, index) => {
      const chip = el("div", "chip");
      if (file.type.startsWith("image/")) { const img = el("img"); img.src = file.url; img.alt = ""; chip.append(img); }
      chip.append(el("span", "", file.fileName));
      if (file.type.startsWith("image/")) {
        // Marks this image as the inpainting mask (transparent or white where the image should change).
        const mask = el("button", file.role === "mask" ? "mask-toggle on" : "mask-toggle", "Mask");
        mask.type = "button";
        mask.title = "Use this image as the mask (/edit --mode inpaint)";
        mask.setAttribute("aria-pressed", file.role === "mask" ? "true" : "false");
        mask.addEventListener("click", () => { file.role = file.role === "mask" ? undefined : "mask"; renderAttachments(); });
        chip.append(mask);
        // A second image for a video's last frame (Seedance), or a reference image (inpaint, AetherForge, Grok, Flux).
        for (const [role, label, title] of [["last-frame", "Last frame", "Use this image as the video's last frame (/video on Seedance)"], ["reference", "Ref", "Use this image as a reference"]]) {
          const toggle = el("button", file.role === role ? "role-toggle on" : "role-toggle", label);
          toggle.type = "button";
          toggle.title = title;
          toggle.setAttribute("aria-pressed", file.role === role ? "true" : "false");
          toggle.addEventListener("click", () => { file.role = file.role === role ? undefined : role; renderAttachments(); });
          chip.append(toggle);
        }
      }
      const remove = el("button", "", "×");
      remove.type = "button";
      remove.title = "Remove";
      remove.addEventListener("click", () => { pending.splice(index, 1); renderAttachments(); });
      chip.append(remove);
      attachmentsBox.append(chip);
    });
  }

  // ---------- hints ----------
  function hintsFor(value) {
    if (!value.startsWith("/")) return [];
    const lower = value.toLowerCase();
    const command = COMMANDS.filter((c) => lower.startsWith(c.name + " ")).sort((a, b) => b.name.length - a.name.length)[0];
    if (!command || !value.includes(" ")) {
      return COMMANDS.filter((c) => c.name.startsWith(lower.trimEnd()))
        .map((c) => ({ label: `${c.name} ${c.args}`.trim(), desc: c.desc, insert: c.name + " " }));
    }
    const words = value.split(/\s+/);
    const last = words[words.length - 1];
    const previous = words[words.length - 2];
    if (previous === "--model") {
      return models.filter((m) => m.id.startsWith(last)).map((m) => ({ label: m.id, desc: `${m.displayName} — ${m.operations.join(", ")}`, insert: value.slice(0, value.length - last.length) + m.id + " " }));
    }
    if (last.startsWith("-")) {
      return command.options.filter((o) => o.startsWith(last)).map((o) => ({ label: o, desc: OPTIONS[o] || "", insert: value.slice(0, value.length - last.length) + o + " " }));
    }
    return [];
  }

  function showHints() {
    hintItems = hintsFor(text.value);
    hints.replaceChildren();
    if (hintItems.length === 0) { hints.hidden = true; return; }
    hintIndex = Math.min(hintIndex, hintItems.length - 1);
    hints.append(el("li", "hint-head", text.value.includes(" ") ? "Options" : "Commands"));
    hintItems.forEach((item, index) => {
      const li = el("li", index === hintIndex ? "active" : "");
      li.setAttribute("role", "option");
      li.append(el("span", "hint-name", item.label), el("span", "hint-desc", item.desc));
      li.addEventListener("mousedown", (e) => { e.preventDefault(); choose(index); });
      hints.append(li);
    });
    hints.hidden = false;
  }

  function hideHints() { hints.hidden = true; hintItems = []; hintIndex = 0; }

  function choose(index) {
    text.value = hintItems[index].insert;
    hintIndex = 0;
    text.focus();
    showHints();
  }

  text.addEventListener("input", () => { hintIndex = 0; showHints(); });
  text.addEventListener("blur", () => setTimeout(hideHints, 100));
  text.addEventListener("keydown", (e) => {
    if (hints.hidden || hintItems.length === 0) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      hintIndex = (hintIndex + (e.key === "ArrowDown" ? 1 : hintItems.length - 1)) % hintItems.length;
      showHints();
    } else if (e.key === "Tab") {
      e.preventDefault();
      choose(hintIndex);
    } else if (e.key === "Escape") {
      hideHints();
    }
  });

  // ---------- the signed-in member and prompts ----------
  function setUser(name) {
    user = name;
    $("me-name").textContent = name;
    $("me-avatar").textContent = name.slice(0, 1).toUpperCase();
    $("me-avatar").style.background = colorFor(name);
  }

  function askPrompt(title) {
    const dialog = $("prompt-dialog");
    $("prompt-title").textContent = title;
    $("prompt-input").value = "";
    dialog.showModal();
    return new Promise((resolve) => { buttonPrompt = resolve; });
  }

  $("prompt-form").addEventListener("submit", () => { buttonPrompt?.($("prompt-input").value.trim()); buttonPrompt = null; });
  $("prompt-cancel").addEventListener("click", () => { $("prompt-dialog").close(); buttonPrompt?.(null); buttonPrompt = null; });
  $("prompt-dialog").addEventListener("cancel", () => { buttonPrompt?.(null); buttonPrompt = null; });

  document.querySelectorAll("#examples li").forEach((li) => li.addEventListener("click", () => {
    text.value = li.dataset.text;
    text.focus();
  }));

  $("composer").addEventListener("submit", send);

  // ---------- start ----------
  // The channel opens once someone is signed in (session.js).
  window.PlaygroundSession.ready.then((session) => {
    setUser(session.user);
    // The first account (the one the start-up link signs in) runs the Playground: say so, and what that allows.
    $("me-role").hidden = !session.isAdmin;
    $("admin-note").hidden = !session.isAdmin;
    connect();
    loadHistory();
  });
})();
