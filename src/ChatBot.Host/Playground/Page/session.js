// The Playground's sign-in: the host keeps the session in an HttpOnly cookie; this script holds the CSRF token that
// every change sends, and the dialogs to sign in, create an account (from an invite link) and invite a member.
(() => {
  "use strict";

  const $ = (id) => document.getElementById(id);
  const params = new URLSearchParams(location.search);
  const invite = params.get("invite");
  let csrf = "";
  let mode = "signin";
  let session = { user: null, isAdmin: false, canRegister: false };
  let announce;
  const ready = new Promise((resolve) => { announce = resolve; });

  async function call(path, options = {}) {
    const headers = { "Content-Type": "application/json", ...(options.headers || {}) };
    if (options.method && options.method !== "GET") headers["X-CSRF-Token"] = csrf;
    const response = await fetch(path, { ...options, headers, credentials: "same-origin" });
    const body = await response.json().catch(() => ({}));
    if (body && typeof body.csrfToken === "string") csrf = body.csrfToken;
    if (response.status === 401 && !path.startsWith("/api/playground/session")) show("signin", "Your sign-in has ended: sign in again.");
    if (!response.ok) throw new Error(body.error || `The bot answered ${response.status}.`);
    return body;
  }

  function apply(state) {
    session = state;
    $("signout").hidden = !state.user;
    $("invite").hidden = !state.isAdmin;
    if (state.user) announce(state);
  }

  function show(next, message) {
    mode = next;
    const registering = mode === "register";
    $("signin-title").textContent = registering ? "Create your account" : "Sign in";
    $("signin-ok").textContent = registering ? "Create account" : "Sign in";
    $("signin-switch").hidden = !(invite || session.canRegister);
    $("signin-switch").textContent = registering ? "I have an account: sign in" : "New here? Create an account";
    $("signin-password").autocomplete = registering ? "new-password" : "current-password";
    $("signin-error").textContent = message || "";
    $("signin-error").hidden = !message;
    const dialog = $("signin-dialog");
    if (!dialog.open) dialog.showModal();
  }

  $("signin-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const user = $("signin-user").value.trim();
    const password = $("signin-password").value;
    try {
      const state = mode === "register"
        ? await call("/api/playground/members", { method: "POST", body: JSON.stringify({ user, password, invite }) })
        : await call("/api/playground/session", { method: "POST", body: JSON.stringify({ user, password }) });
      $("signin-password").value = "";
      $("signin-dialog").close();
      if (invite) history.replaceState(null, "", "/");
      apply(state);
    } catch (error) {
      show(mode, error.message);
    }
  });
  $("signin-dialog").addEventListener("cancel", (event) => event.preventDefault());
  $("signin-switch").addEventListener("click", () => show(mode === "register" ? "signin" : "register"));

  $("signout").addEventListener("click", async () => {
    try { await call("/api/playground/session", { method: "DELETE" }); } finally { location.replace("/"); }
  });

  $("invite").addEventListener("click", async () => {
    try {
      const { url } = await call("/api/playground/invites", { method: "POST" });
      $("invite-link").value = url;
      $("invite-dialog").showModal();
      $("invite-link").select();
    } catch (error) {
      alert(error.message);
    }
  });
  $("invite-close").addEventListener("click", () => $("invite-dialog").close());

  async function start() {
    try {
      apply(await call("/api/playground/session"));
    } catch (error) {
      show("signin", error.message);
      return;
    }
    if (session.user) return;
    const used = params.get("link") === "used"
      ? "That sign-in link was used already or is unknown: the host prints a new one in its log." : "";
    show(invite ? "register" : "signin", used);
  }

  window.PlaygroundSession = { ready, api: call };
  start();
})();
