// The /region page for Discord and Slack members: the signed token in the address is the only credential.
(() => {
  "use strict";
  const token = new URLSearchParams(location.search).get("t") || "";
  const error = document.getElementById("error");
  const fail = (message) => { error.textContent = message; error.hidden = false; document.getElementById("editor").replaceChildren(); };

  async function call(path, init) {
    const response = await fetch(path, init);
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.error || `The bot answered ${response.status}.`);
    return body;
  }

  call(`/region/info?t=${encodeURIComponent(token)}`).then((info) => {
    document.getElementById("hint").textContent = `${info.user}: paint over what should change, describe it, and send. The new picture appears in your chat.`;
    window.RegionEditor.mount(document.getElementById("editor"), {
      imageUrl: info.imageUrl,
      prompt: info.prompt,
      onSubmit: async (prompt, mask) =>
        (await call("/region/submit", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ token, prompt, mask }) })).message,
    });
  }).catch((e) => fail(e.message));
})();
