// Quaid web-chat widget. Embed it in any page with one tag:
//   <script src="https://quaid.example/static/web/widget.js" data-quaid="https://quaid.example" defer></script>
// It adds a launcher bubble that opens the chat (full screen on phones). With
// data-quaid-mode="page" it fills its page instead (the chat at "/").
// It talks to the web API (see /openapi.json); it never puts a client's or an agent's text
// into HTML: every text goes in through textContent.
(() => {
  "use strict";
  const script = document.currentScript || document.querySelector("script[data-quaid], script[src*='/static/web/widget.js']");
  if (!script || window.__quaidWidget) return;
  window.__quaidWidget = true;

  // -- where the server is -----------------------------------------------------------
  const src = new URL(script.getAttribute("src") || "", location.href);
  const base = (script.dataset.quaid || src.href.replace(/\/static\/web\/widget\.js(\?.*)?$/, ""))
    .replace(/\/+$/, "");
  const api = base + "/api/web";
  const wsBase = base.replace(/^http/, "ws");
  const mode = script.dataset.quaidMode === "page" ? "page" : "bubble";
  const STORE_KEY = "quaid:" + base;
  const MAX_AGE_MS = 24 * 3600 * 1000;  // a conversation older than a day is not resumed

  // -- texts: every label, error and aria text, in each language -------------------------
  const T = {
    en: {
      title: "Virtual assistant", open: "Chat with the virtual assistant", close: "Close the chat",
      unread: "Chat with the virtual assistant (new message)",
      language: "Language", log: "Conversation", input: "Your message",
      placeholder: "Type your question…", send: "Send",
      you: "You said:", bot: "The virtual assistant said:", agent: "An agent said:", agentBadge: "Agent",
      quick: "Suggested answers", code: "Response code", newTab: "(opens in a new tab)",
      typing: "The assistant is writing…", agentTyping: "An agent is typing…", notSent: "(not sent)", pressed: "Button",
      reconnecting: "Connection lost. Reconnecting…", reconnected: "Connected again.",
      offline: "You seem to be offline. Your message was not sent.",
      tooMany: (s) => `Too many messages. Please wait ${s} seconds and try again.`,
      tooLong: "Your message is too long. Please shorten it.",
      invalid: "This message could not be sent. Please rephrase it.",
      forbidden: "The chat is not available on this site.",
      gone: "This conversation has ended.", restart: "Start a new conversation",
      failed: "Something went wrong. Please try again.", error: "Error:",
    },
    fr: {
      title: "Assistant virtuel", open: "Clavarder avec l’assistant virtuel", close: "Fermer le clavardage",
      unread: "Clavarder avec l’assistant virtuel (nouveau message)",
      language: "Langue", log: "Conversation", input: "Votre message",
      placeholder: "Écrivez votre question…", send: "Envoyer",
      you: "Vous avez dit :", bot: "L’assistant virtuel a dit :", agent: "Un agent a dit :", agentBadge: "Agent",
      quick: "Réponses suggérées", code: "Code de réponse", newTab: "(s’ouvre dans un nouvel onglet)",
      typing: "L’assistant écrit…", agentTyping: "Un agent écrit…", notSent: "(non envoyé)", pressed: "Bouton",
      reconnecting: "Connexion perdue. Reconnexion…", reconnected: "Connexion rétablie.",
      offline: "Vous semblez hors ligne. Votre message n’a pas été envoyé.",
      tooMany: (s) => `Trop de messages. Veuillez attendre ${s} secondes et réessayer.`,
      tooLong: "Votre message est trop long. Veuillez le raccourcir.",
      invalid: "Ce message n’a pas pu être envoyé. Veuillez le reformuler.",
      forbidden: "Le clavardage n’est pas offert sur ce site.",
      gone: "Cette conversation est terminée.", restart: "Commencer une nouvelle conversation",
      failed: "Un problème est survenu. Veuillez réessayer.", error: "Erreur :",
    },
  };
  const LANGS = {en: "English", fr: "Français"};
  const pick = (lang) => (lang && T[lang.slice(0, 2).toLowerCase()] ? lang.slice(0, 2).toLowerCase() : null);

  // -- what survives a reload: the conversation ID, the last turn's buttons ----------------
  function load() {
    try {
      const saved = JSON.parse(localStorage.getItem(STORE_KEY) || "null");
      if (saved && saved.id && Date.now() - (saved.at || 0) < MAX_AGE_MS) return saved;
    } catch (_) { /* storage off or corrupt */ }
    return {};
  }
  let saved = load();
  function save() {
    saved.at = Date.now();
    try { localStorage.setItem(STORE_KEY, JSON.stringify(saved)); } catch (_) { /* storage off */ }
  }
  function forget() {
    saved = {lang: saved.lang};
    try { localStorage.removeItem(STORE_KEY); } catch (_) { /* storage off */ }
  }

  let lang = pick(saved.lang) || pick(script.dataset.lang) || pick(document.documentElement.lang)
    || pick(navigator.language) || "en";
  let t = T[lang];

  // -- the DOM, in a shadow root: the page's styles do not reach it, nor ours the page -----
  const el = (tag, props = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (key === "class") node.className = value;
      else if (key === "role") node.setAttribute("role", value);
      else if (key === "text") node.textContent = value;
      else if (key in node && !key.includes("-")) node[key] = value;
      else node.setAttribute(key, value);
    }
    node.append(...children);
    return node;
  };
  const srOnly = (text) => el("span", {class: "sr-only", text});

  const hostEl = el("div", {id: "quaid-widget"});
  hostEl.setAttribute("data-mode", mode);
  const root = hostEl.attachShadow({mode: "open"});
  const wrap = el("div", {class: "quaid " + mode, hidden: true});
  const style = el("link", {rel: "stylesheet", href: base + "/static/web/widget.css"});
  style.addEventListener("load", () => { wrap.hidden = false; });
  style.addEventListener("error", () => { wrap.hidden = false; });
  root.append(style, wrap);

  const svg = (paths) => {
    const ns = "http://www.w3.org/2000/svg";
    const icon = document.createElementNS(ns, "svg");
    icon.setAttribute("viewBox", "0 0 24 24");
    icon.setAttribute("aria-hidden", "true");
    icon.setAttribute("focusable", "false");
    for (const d of paths) {
      const path = document.createElementNS(ns, "path");
      path.setAttribute("d", d);
      icon.append(path);
    }
    return icon;
  };
  const launcher = el("button", {type: "button", class: "launcher", id: "launcher"},
    svg(["M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"]));
  launcher.setAttribute("aria-expanded", "false");
  launcher.setAttribute("aria-controls", "panel");
  const title = el("h2", {id: "title"});
  const langLabel = el("label", {for: "lang", class: "sr-only"});
  const langSelect = el("select", {id: "lang"},
    ...Object.entries(LANGS).map(([code, name]) => el("option", {value: code, lang: code, text: name})));
  const closeBtn = el("button", {type: "button", id: "close", class: "close"},
    svg(["M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19 12 13.4 17.6 19 19 17.6 13.4 12 19 6.4 17.6 5 12 10.6z"]));
  const log = el("ol", {id: "log"});
  log.setAttribute("aria-live", "polite");
  log.setAttribute("aria-relevant", "additions");
  const typing = el("div", {id: "typing", class: "typing", role: "status"});
  const AGENT_TYPING_MS = 8000;  // the console says it again every few seconds while an agent types
  let agentTyping = null;        // the timer that hides "an agent is typing"
  let working = false;           // the bot is answering a message of the client
  const banner = el("div", {id: "banner", class: "banner", role: "status"});
  const input = el("input", {id: "text", type: "text", autocomplete: "off", maxLength: 2000});
  const inputLabel = el("label", {for: "text", class: "sr-only"});
  const sendBtn = el("button", {type: "submit", id: "send"});
  const form = el("form", {id: "form"}, inputLabel, input, sendBtn);
  const header = el("header", {}, title, el("div", {class: "tools"}, langLabel, langSelect,
    ...(mode === "bubble" ? [closeBtn] : [])));
  const panel = el("section", {id: "panel", class: "panel"}, header, banner, log, typing, form);
  panel.setAttribute("aria-labelledby", "title");
  if (mode === "bubble") {
    panel.setAttribute("role", "dialog");
    panel.hidden = true;
    wrap.append(panel, launcher);
  } else {
    wrap.append(panel);
  }

  function applyLabels() {
    t = T[lang];
    wrap.setAttribute("lang", lang);
    if (mode === "page") document.documentElement.lang = lang;
    title.textContent = t.title;
    langLabel.textContent = t.language;
    langSelect.value = lang;
    closeBtn.setAttribute("aria-label", t.close);
    launcher.setAttribute("aria-label", launcher.classList.contains("unread") ? t.unread : t.open);
    log.setAttribute("aria-label", t.log);
    inputLabel.textContent = t.input;
    input.placeholder = t.placeholder;
    sendBtn.textContent = t.send;
    for (const group of log.querySelectorAll(".quick")) group.setAttribute("aria-label", t.quick);
    drawTyping();
  }

  // The typing indicator: the bot working on an answer, or an agent typing (a pushed
  // reply of kind "typing", never shown in the log), until their message or a timeout.
  function drawTyping() {
    const text = working ? t.typing : agentTyping ? t.agentTyping : "";
    if (typing.textContent !== text) typing.textContent = text;
    typing.classList.toggle("on", Boolean(text));
    typing.dataset.who = working ? "bot" : agentTyping ? "agent" : "";
  }

  function showAgentTyping() {
    clearTimeout(agentTyping);
    agentTyping = setTimeout(hideAgentTyping, AGENT_TYPING_MS);
    drawTyping();
  }

  function hideAgentTyping() {
    clearTimeout(agentTyping);
    agentTyping = null;
    drawTyping();
  }

  // -- rendering ---------------------------------------------------------------------
  const URL_IN_TEXT = /\b(?:https?:\/\/|www\.)[^\s<>"'`]+/gi;

  function safeUrl(href) {
    try {
      const url = new URL(href, base + "/");
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
    } catch (_) {
      return null;
    }
  }

  function link(href, label) {
    const a = el("a", {href, target: "_blank", rel: "noopener noreferrer", text: label});
    a.append(" ", srOnly(t.newTab));
    return a;
  }

  // Text with its URLs as links: text nodes and anchors, never HTML.
  function withLinks(parent, text) {
    let last = 0;
    for (const match of text.matchAll(URL_IN_TEXT)) {
      let found = match[0].replace(/[.,;:!?)\]}»"'’]+$/, "");
      if (found.includes("(") && match[0].charAt(found.length) === ")") found += ")";
      const href = safeUrl(/^www\./i.test(found) ? "https://" + found : found);
      parent.append(text.slice(last, match.index));
      parent.append(href ? link(href, found) : found);
      last = match.index + found.length;
    }
    parent.append(text.slice(last));
  }

  function disablePast() {
    for (const button of log.querySelectorAll(".quick button:not([disabled])")) {
      button.disabled = true;
    }
  }

  function author(who) {
    return who === "client" ? t.you : who === "agent" ? t.agent : t.bot;
  }

  // One message. `reply` is a Reply of the API (or a transcript line shaped like one).
  function show(reply, who) {
    const item = el("li", {class: who, tabIndex: -1});
    item.dataset.kind = reply.kind || "";
    item.dataset.code = reply.code || "";
    item.append(srOnly(author(who) + " "));
    if (who === "agent") item.append(el("span", {class: "badge", "aria-hidden": "true", text: t.agentBadge}));
    const text = el("p", {class: "text"});
    withLinks(text, reply.text || "");
    item.append(text);
    for (const l of reply.links || []) {
      const href = safeUrl(l.url);
      if (href) item.append(link(href, l.title || href));
    }
    if (reply.code) {
      item.append(el("span", {class: "code"}, srOnly(t.code + " "), "#" + reply.code));
    }
    if ((reply.quick_replies || []).length) {
      const group = el("div", {class: "quick", role: "group"});
      group.setAttribute("aria-label", t.quick);
      for (const q of reply.quick_replies) {
        const button = el("button", {type: "button", text: q.title});
        button.dataset.payload = q.payload;
        button.addEventListener("click", () => {
          if (button.disabled) return;
          button.classList.add("chosen");
          rememberTitle(q.payload, q.title);
          enqueue({payload: q.payload}, q.title, true);
        });
        group.append(button);
      }
      item.append(group);
    }
    log.append(item);
    log.scrollTop = log.scrollHeight;
    return item;
  }

  function showReplies(replies) {
    if (replies.length) disablePast();
    if (replies.some((r) => r.kind === "agent")) hideAgentTyping();
    return replies.map((r) => show(r, r.kind === "agent" ? "agent" : "bot"));
  }

  function showError(message, extra) {
    const item = el("li", {class: "error", tabIndex: -1}, srOnly(t.error + " "), el("p", {class: "text", text: message}));
    if (extra) item.append(extra);
    log.append(item);
    log.scrollTop = log.scrollHeight;
    return item;
  }

  function rememberTitle(payload, label) {
    saved.titles = Object.assign({}, saved.titles, {[payload]: label});
    const keys = Object.keys(saved.titles);
    if (keys.length > 40) delete saved.titles[keys[0]];
    save();
  }

  // -- the API -----------------------------------------------------------------------
  class ApiError extends Error {
    constructor(status, retryAfter) {
      super("HTTP " + status);
      this.status = status;
      this.retryAfter = retryAfter;
    }
  }

  async function call(method, path, body) {
    const init = {method, referrerPolicy: "no-referrer", credentials: "omit", cache: "no-store"};
    if (body !== undefined) {
      init.headers = {"Content-Type": "application/json"};
      init.body = JSON.stringify(body);
    }
    const res = await fetch(api + path, init);
    if (!res.ok) throw new ApiError(res.status, res.headers.get("Retry-After"));
    return res.json();
  }

  function explain(err) {
    if (!(err instanceof ApiError)) return t.offline;
    if (err.status === 429) return t.tooMany(parseInt(err.retryAfter, 10) || 30);
    if (err.status === 413) return t.tooLong;
    if (err.status === 400) return t.invalid;
    if (err.status === 403) return t.forbidden;
    return t.failed;
  }

  // -- the conversation ------------------------------------------------------------------
  let conversationId = null;
  let rendered = 0;         // how many stored messages the log shows (to fetch what it missed)
  let busy = 0;             // messages in flight
  let queue = Promise.resolve();
  let pendingLang = null;   // a language the client chose, sent with the next message
  let starting = null;

  function setLang(next, fromUser) {
    next = pick(next);
    if (!next || next === lang) return;
    lang = next;
    saved.lang = lang;
    if (conversationId) save();
    if (fromUser) pendingLang = lang;
    applyLabels();
  }

  function lastTurn(replies, before) {
    // The buttons of the latest turn, so a reload can offer them again. Only the bot's own
    // replies are kept (no client text, nothing an agent wrote).
    if (replies.some((r) => r.kind === "agent")) {
      delete saved.turn;
    } else {
      saved.turn = {after: before, replies};
    }
    save();
  }

  // `stored`: how many messages the server stored besides these replies (the client's own).
  function received(replies, stored) {
    rendered += stored + replies.length;
    lastTurn(replies, rendered - replies.length);
    return showReplies(replies);
  }

  async function open() {
    const data = await call("POST", "/conversations", {lang});
    conversationId = data.conversation_id;
    window.quaidConversationId = conversationId;
    saved = {id: conversationId, lang: pick(data.lang) || lang, titles: {}, open: !panel.hidden};
    setLang(data.lang);
    save();
    rendered = 0;
    received(data.replies, 0);
    connect();
  }

  function showLine(line) {
    if (line.author === "client") {
      const label = line.text || (saved.titles && saved.titles[line.payload]) || `${t.pressed} ${line.payload || ""}`;
      return show({text: label}, "client");
    }
    if (line.author === "agent") hideAgentTyping();
    return show({text: line.text, kind: line.kind, code: line.code, links: line.links},
                line.author === "agent" ? "agent" : "bot");
  }

  async function resume(id) {
    const data = await call("GET", `/conversations/${encodeURIComponent(id)}/messages`);
    conversationId = id;
    window.quaidConversationId = id;
    setLang(data.lang);
    const lines = data.messages;
    const turn = saved.turn;
    const keep = turn && turn.after + turn.replies.length === lines.length ? turn.after : lines.length;
    log.setAttribute("aria-live", "off");  // a reload is not news: screen readers stay quiet
    lines.slice(0, keep).forEach(showLine);
    if (keep < lines.length) showReplies(turn.replies);  // with their links and live buttons
    setTimeout(() => log.setAttribute("aria-live", "polite"), 0);
    rendered = lines.length;
    save();
    connect();
  }

  function start() {
    if (!starting) {
      starting = (saved.id ? resume(saved.id).catch((err) => {
        if (err instanceof ApiError && err.status === 404) {
          forget();
          log.replaceChildren();
          return open();
        }
        throw err;
      }) : open()).catch((err) => {
        starting = null;
        throw err;
      });
    }
    return starting;
  }

  // Catch up with what the log does not show (after a reconnect): the stored transcript.
  let syncing = false;
  async function sync() {
    if (!conversationId || busy || syncing) return;
    syncing = true;
    try {
      const data = await call("GET", `/conversations/${encodeURIComponent(conversationId)}/messages`);
      if (busy) return;  // a message went out meanwhile: its answer brings the log up to date
      setLang(data.lang);
      const missed = data.messages.slice(rendered);
      if (missed.length) {
        for (const failed of log.querySelectorAll("li.failed")) failed.remove();
        disablePast();
        missed.forEach(showLine);
        delete saved.turn;
        save();
      }
      rendered = data.messages.length;
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) ended();
    } finally {
      syncing = false;
    }
  }

  function ended() {
    stopSocket();
    conversationId = null;
    forget();
    const restart = el("button", {type: "button", class: "restart", text: t.restart});
    restart.addEventListener("click", () => {
      log.replaceChildren();
      starting = null;
      start().then(() => input.focus(), (err) => showError(explain(err)));
    });
    showError(t.gone, restart);
  }

  function enqueue(body, label, fromButton) {
    disablePast();
    const mine = show({text: label}, "client");
    queue = queue.then(() => deliver(body, mine, fromButton));
    return queue;
  }

  async function deliver(body, mine, fromButton) {
    busy += 1;
    working = true;
    drawTyping();
    let focusTo = null;
    try {
      await start();
      if (pendingLang) body = Object.assign({lang: pendingLang}, body);
      const data = await call("POST", `/conversations/${encodeURIComponent(conversationId)}/messages`, body);
      pendingLang = null;
      setLang(data.lang);
      const items = received(data.replies, 1);
      focusTo = items[0] || null;
    } catch (err) {
      mine.classList.add("failed");
      mine.append(" ", el("span", {class: "sr-only", text: t.notSent}));
      focusTo = showError(explain(err));
    } finally {
      busy -= 1;
      working = busy > 0;
      drawTyping();
    }
    // After a quick reply the pressed button is gone from the tab order: focus moves to
    // the answer (read out, and Tab reaches its buttons). After typing, it stays in the box.
    if (fromButton) (focusTo || input).focus();
  }

  // -- live replies: a WebSocket that reconnects with backoff ------------------------------
  let socket = null;
  let retries = 0;
  let timer = null;
  let pinger = null;
  let lastPong = 0;

  function stopSocket() {
    clearTimeout(timer);
    clearInterval(pinger);
    if (socket) {
      socket.onclose = socket.onmessage = socket.onopen = null;
      try { socket.close(); } catch (_) { /* already closed */ }
      socket = null;
    }
  }

  function connect() {
    stopSocket();
    if (!conversationId) return;
    const ws = new WebSocket(`${wsBase}/api/web/conversations/${encodeURIComponent(conversationId)}/events`);
    socket = ws;
    ws.onopen = () => {
      if (retries) {
        banner.textContent = t.reconnected;
        setTimeout(() => { if (banner.textContent === t.reconnected) banner.textContent = ""; }, 4000);
      }
      retries = 0;
      lastPong = Date.now();
      pinger = setInterval(() => {
        if (Date.now() - lastPong > 90000) return reconnect(); // a dead link the browser missed
        try { ws.send("ping"); } catch (_) { /* closing */ }
      }, 25000);
      sync();
    };
    ws.onmessage = (event) => {
      if (event.data === "pong") { lastPong = Date.now(); return; }
      let data;
      try { data = JSON.parse(event.data); } catch (_) { return; }
      if (!Array.isArray(data.replies)) return;
      const replies = data.replies.filter((r) => r && r.kind !== "typing");
      if (replies.length < data.replies.length) showAgentTyping();
      if (!replies.length) return;  // "typing" is not a message: nothing stored, nothing unread
      received(replies, 0);
      if (mode === "bubble" && panel.hidden) {
        launcher.classList.add("unread");
        launcher.setAttribute("aria-label", t.unread);
      }
    };
    ws.onclose = () => reconnect();
  }

  function reconnect() {
    stopSocket();
    if (!conversationId) return;
    retries += 1;
    if (retries >= 2) banner.textContent = t.reconnecting;
    const delay = Math.min(30000, 1000 * 2 ** Math.min(retries - 1, 5)) * (0.5 + Math.random() / 2);
    timer = setTimeout(async () => {
      await sync();  // catches up, and finds out whether the conversation is gone (404)
      if (conversationId && !socket) connect();
    }, delay);
  }

  window.addEventListener("online", () => {
    if (conversationId && !socket) { retries = Math.max(retries, 1); connect(); }
  });

  // -- the widget's own events, for the reports: shown on a page, opened ----------------------
  // No identifier leaves the browser: the page's path, whether this browser saw the widget
  // on an earlier visit (an anonymous first-party cookie on the page's own site, holding "1"
  // and nothing else), and its time zone (the server keeps only the country).
  const visitorCookie = "quaid_seen";

  function seenBefore() {
    return document.cookie.split(";").some((c) => c.trim().startsWith(visitorCookie + "="));
  }

  function markSeen() {
    const secure = location.protocol === "https:" ? "; Secure" : "";
    document.cookie = visitorCookie + "=1; Max-Age=31536000; Path=/; SameSite=Lax" + secure;
  }

  function visitor() {
    const key = "quaid-visitor:" + base;
    try {
      let kind = sessionStorage.getItem(key);  // one answer per visit (tab), new or returning
      if (!kind) {
        kind = seenBefore() ? "returning" : "new";
        sessionStorage.setItem(key, kind);
        markSeen();
      }
      return kind;
    } catch (_) {
      return "new";  // storage off: every visit is new
    }
  }

  function report(type) {
    const body = {type, page: (location.pathname || "/").slice(0, 300), visitor: visitor()};
    try {
      const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      if (zone && /^[A-Za-z0-9_+\/-]{1,64}$/.test(zone)) body.tz = zone;
    } catch (_) { /* no Intl */ }
    if (conversationId) body.conversation_id = conversationId;
    fetch(api + "/events", {
      method: "POST", keepalive: true, credentials: "omit", referrerPolicy: "no-referrer",
      cache: "no-store", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body),
    }).catch(() => { /* the reports miss one view: the chat works on */ });
  }

  // -- opening and closing (bubble) --------------------------------------------------------
  function showPanel(focus) {
    panel.hidden = false;
    wrap.classList.add("open");
    launcher.setAttribute("aria-expanded", "true");
    launcher.classList.remove("unread");
    launcher.setAttribute("aria-label", t.open);
    saved.open = true;
    if (saved.id) save();
    start().catch((err) => showError(explain(err)));
    if (focus) input.focus();
    log.scrollTop = log.scrollHeight;
  }

  function hidePanel() {
    panel.hidden = true;
    wrap.classList.remove("open");
    launcher.setAttribute("aria-expanded", "false");
    saved.open = false;
    if (saved.id) save();
    launcher.focus();
  }

  launcher.addEventListener("click", () => {
    if (!panel.hidden) return hidePanel();
    showPanel(true);
    report("widget_opened");
  });
  closeBtn.addEventListener("click", hidePanel);
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && mode === "bubble") {
      event.preventDefault();
      hidePanel();
    }
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    enqueue({text}, text, false);
  });
  langSelect.addEventListener("change", () => setLang(langSelect.value, true));

  applyLabels();
  (mode === "page" ? document.getElementById("quaid-chat") || document.body : document.body).append(hostEl);
  if (mode === "page") {
    start().then(() => input.focus(), (err) => showError(explain(err)));
  } else {
    report("widget_shown");
    if (saved.id && saved.open) showPanel(false);
  }
})();
