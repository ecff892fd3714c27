// Quaid agent console: live updates pushed over a WebSocket (/console/api/live), with
// polling of the JSON API while the socket is down. Text from clients is inserted with
// textContent, never as HTML.
(() => {
  const poll = Number(document.body.dataset.pollMs || 2000);
  const signedIn = Boolean(document.getElementById("sign-out"));
  const csrfField = document.querySelector('input[name="csrf_token"]');
  const csrf = csrfField ? csrfField.value : "";
  // The console's labels in the agent's language (labels.CONSOLE, from the page).
  let L = {};
  try { L = JSON.parse(document.body.dataset.labels || "{}"); } catch (err) { /* English below */ }
  const word = (group, key) => (L[group] && L[group][key]) || key;
  const fmt = (text, ...values) => { let n = 0; return String(text).replace(/\{\}/g, () => values[n++]); };
  const BUTTON = "(button) ";
  const handlers = [];
  let me = null;

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  async function getJSON(url) {
    const res = await fetch(url, {credentials: "same-origin", headers: {Accept: "application/json"}});
    if (res.status === 401) { location.reload(); throw new Error("signed out"); }
    if (!res.ok) throw new Error(res.statusText);
    return res.json();
  }

  async function postJSON(url, data) {
    const res = await fetch(url, {
      method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", Accept: "application/json", "X-CSRF-Token": csrf},
      body: JSON.stringify(data || {}),
    });
    let body = {};
    try { body = await res.json(); } catch (err) { /* an empty or HTML answer */ }
    if (res.status === 401) { location.reload(); throw new Error("signed out"); }
    if (!res.ok) throw new Error(body.error || res.statusText);
    return body;
  }

  function clock(seconds) {
    return new Date(seconds * 1000).toLocaleTimeString([], {hour: "2-digit", minute: "2-digit"});
  }

  function since(seconds) {
    const minutes = Math.max(0, Math.floor(Date.now() / 1000 - seconds) / 60);
    if (minutes < 1) return L.just_now;
    if (minutes < 60) return `${Math.floor(minutes)} ${L.minutes}`;
    const hours = Math.floor(minutes / 60);
    return hours < 48 ? `${hours} ${L.hours} ${Math.floor(minutes % 60)} ${L.minutes}`
      : `${Math.floor(hours / 24)} ${L.days}`;
  }

  // -- the live socket, and polling while it is down --------------------------------------
  let ws = null;
  let live = false;
  let retry = 1000;
  let pollTimer = null;

  function refreshAll() { for (const refresh of refreshers) refresh().catch(() => {}); }
  const refreshers = [];

  function startPolling() {
    if (pollTimer) return;
    pollTimer = setInterval(refreshAll, poll);
  }

  function stopPolling() {
    clearInterval(pollTimer);
    pollTimer = null;
  }

  function connect() {
    ws = new WebSocket(`${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/console/api/live`);
    ws.onopen = () => { live = true; retry = 1000; stopPolling(); refreshAll(); };
    ws.onmessage = (event) => {
      if (event.data === "pong") return;
      let message;
      try { message = JSON.parse(event.data); } catch (err) { return; }
      if (message.type === "hello") me = message.me;
      if (message.type === "agent" && me && message.agent.username === me.username) {
        Object.assign(me, message.agent);
      }
      for (const handle of handlers) handle(message);
    };
    ws.onclose = (event) => {
      live = false;
      if (event.code === 4401) { location.reload(); return; }
      startPolling();
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 15000);
    };
  }

  function send(message) {
    if (live && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
  }

  setInterval(() => { if (live) ws.send("ping"); }, 25000);

  // -- header: availability and notifications --------------------------------------------
  const header = document.querySelector("header.top");
  const mine = header && header.querySelector(".me");
  let availability = null;
  let audio = null;
  const notifyKey = "quaid-console-notify";

  if (signedIn && mine) {
    const label = el("label", "availability", L.status + " ");
    availability = el("select");
    availability.id = "availability";
    for (const [value, text] of [["available", L.available], ["away", L.away]]) {
      const option = el("option", "", text);
      option.value = value;
      availability.appendChild(option);
    }
    label.appendChild(availability);
    availability.addEventListener("change", async () => {
      try { me = (await postJSON("/console/api/me/availability", {availability: availability.value})).me; }
      catch (err) { showMe(); }
    });
    const bell = el("button", "notify", "");
    bell.type = "button";
    bell.id = "notify";
    const showBell = () => {
      const on = localStorage.getItem(notifyKey) === "1";
      bell.textContent = on ? L.notify_on : L.notify_off;
      bell.setAttribute("aria-pressed", on ? "true" : "false");
    };
    bell.addEventListener("click", async () => {
      if (localStorage.getItem(notifyKey) === "1") {
        localStorage.removeItem(notifyKey);
      } else {
        if ("Notification" in window && Notification.permission === "default") {
          try { await Notification.requestPermission(); } catch (err) { /* refused */ }
        }
        localStorage.setItem(notifyKey, "1");
        audio = audio || makeAudio();
        beep();
      }
      showBell();
    });
    showBell();
    header.insertBefore(label, mine);
    header.insertBefore(bell, mine);
  }

  function showMe() {
    if (availability && me) availability.value = me.availability === "away" ? "away" : "available";
  }

  handlers.push((message) => {
    if (message.type === "hello" || (message.type === "agent" && me && message.agent.username === me.username)) {
      showMe();
    }
  });

  function makeAudio() {
    const Context = window.AudioContext || window.webkitAudioContext;
    try { return Context ? new Context() : null; } catch (err) { return null; }
  }

  function beep() {
    if (!audio) return;
    try {
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = 880;
      gain.gain.value = 0.08;
      tone.connect(gain);
      gain.connect(audio.destination);
      tone.start();
      tone.stop(audio.currentTime + 0.2);
    } catch (err) { /* no sound */ }
  }

  const known = new Map();  // ticket id → assignee, for "new in my queues" notifications

  function notify(message) {
    const t = message.ticket;
    const before = known.get(t.id);
    known.set(t.id, t.assignee);
    if (t.status === "resolved" || localStorage.getItem(notifyKey) !== "1") return;
    // a ticket this page has not seen since the board loaded is new in the agent's queues
    const arrived = before === undefined && boardLoaded;
    const mineNow = me && t.assignee === me.username && before !== me.username;
    if (!arrived && !mineNow) return;
    const title = mineNow ? fmt(L.assigned_to_you, t.id) : fmt(L.new_ticket, t.id, t.channel);
    if ("Notification" in window && Notification.permission === "granted") {
      // one tag per ticket: "assigned to you" replaces "new ticket" rather than adding one
      const shown = new Notification(title, {body: t.preview || reasonText(t), tag: `quaid-ticket-${t.id}`});
      shown.onclick = () => { window.focus(); location.href = `/console/tickets/${Number(t.id)}`; };
    }
    const now = Date.now();
    if (now - (rung.get(t.id) || 0) > 10000) beep();  // one sound per ticket, not per update
    rung.set(t.id, now);
  }
  const rung = new Map();

  handlers.push((message) => { if (message.type === "ticket") notify(message); });

  // -- the queue -------------------------------------------------------------------------
  const queue = document.getElementById("queue");
  const agentsBoard = document.getElementById("agents-board");
  let board = null;

  let boardLoaded = false;

  async function loadBoard() {
    board = await getJSON("/console/api/board");
    boardLoaded = true;
    me = board.me;
    showMe();
    for (const t of board.tickets) if (!known.has(t.id)) known.set(t.id, t.assignee);
    if (queue) {
      tickets.clear();
      for (const t of board.tickets) tickets.set(t.id, t);
      drawQueue();
    }
    if (agentsBoard && board.agents) drawAgents(board.agents);
    fillTools();
    return board;
  }

  const tickets = new Map();

  function reasonText(t) {
    return (L.reasons && L.reasons[t.reason]) || t.reason_text || t.reason || "";
  }

  function queueRow(t) {
    const row = el("tr");
    row.dataset.ticket = t.id;
    row.dataset.status = t.status;
    if (me && t.assignee === me.username) row.classList.add("mine");
    const cell = el("td");
    const link = el("a", "", "#" + t.id);
    link.href = `/console/tickets/${Number(t.id)}`;
    cell.appendChild(link);
    row.appendChild(cell);
    row.appendChild(el("td", "", t.transferred_from ? `${t.channel} (${fmt(L.from_team, t.transferred_from)})` : t.channel));
    row.appendChild(el("td", "lang", t.lang));
    const status = el("td");
    status.appendChild(el("span", "status " + t.status, word("statuses", t.status)));
    row.appendChild(status);
    row.appendChild(el("td", "", reasonText(t)));
    row.appendChild(el("td", "preview", t.preview || ""));
    const waiting = el("td", "since", since(t.created_at));
    waiting.dataset.at = t.created_at;
    waiting.title = new Date(t.created_at * 1000).toISOString().replace("T", " ").slice(0, 19) + " UTC";
    row.appendChild(waiting);
    row.appendChild(el("td", "assignee", t.assignee || "—"));
    row.appendChild(el("td", "", (t.candidates || []).map((c) => c.code).join(", ")));
    return row;
  }

  function drawQueue() {
    const list = [...tickets.values()].filter((t) => t.status !== "resolved")
      .sort((a, b) => a.created_at - b.created_at || a.id - b.id);
    const rows = list.map(queueRow);
    if (!rows.length) {
      const row = el("tr", "empty");
      const cell = el("td", "", L.no_tickets);
      cell.colSpan = 9;
      row.appendChild(cell);
      rows.push(row);
    }
    queue.replaceChildren(...rows);
    showSelected();
  }

  function drawAgents(agents) {
    const rows = agents.map((a) => {
      const row = el("tr");
      row.dataset.agent = a.username;
      row.appendChild(el("td", "", a.username));
      row.appendChild(el("td", "availability " + a.availability, word("availabilities", a.availability)));
      row.appendChild(el("td", "open", String(a.open)));
      const cell = el("td");
      const form = el("form", "inline capacity");
      const input = el("input");
      input.type = "number"; input.min = "1"; input.max = "100"; input.name = "capacity";
      input.value = a.own_capacity || ""; input.placeholder = String(a.capacity);
      input.setAttribute("aria-label", fmt(L.capacity_of, a.username));
      const save = el("button", "", L.set);
      save.type = "submit";
      form.append(input, save);
      form.addEventListener("submit", async (event) => {
        event.preventDefault();
        try { await postJSON(`/console/api/agents/${encodeURIComponent(a.username)}/capacity`, {capacity: input.value}); }
        catch (err) { alert(err.message); }
        loadBoard().catch(() => {});
      });
      cell.append(el("span", "", `${a.capacity} `), form);
      row.appendChild(cell);
      row.appendChild(el("td", "", (a.channels || []).join(", ")));
      return row;
    });
    agentsBoard.replaceChildren(...rows);
  }

  let boardTimer = null;
  function reloadBoardSoon() {
    clearTimeout(boardTimer);
    boardTimer = setTimeout(() => loadBoard().catch(() => {}), 300);
  }

  if (signedIn) {
    refreshers.push(loadBoard);
    handlers.push((message) => {
      if (message.type === "ticket" && queue) {
        tickets.set(message.ticket.id, message.ticket);
        drawQueue();
      } else if (message.type === "gone" && queue) {
        tickets.delete(message.id);
        drawQueue();
      }
      if (agentsBoard && (message.type === "agent" || message.type === "ticket")) reloadBoardSoon();
    });
    setInterval(() => {
      for (const cell of document.querySelectorAll("#queue td.since")) cell.textContent = since(Number(cell.dataset.at));
    }, 15000);
  }

  // -- a ticket ------------------------------------------------------------------------
  const ticket = document.getElementById("ticket");

  function fillTools() {
    if (!board) return;
    const assign = document.getElementById("assign-agent");
    if (assign && board.agents && assign.options.length <= 1) {
      for (const a of board.agents) {
        if (!(a.roles || []).includes("agent")) continue;
        const option = el("option", "", `${a.username} (${word("availabilities", a.availability)}, ${a.open}/${a.capacity})`);
        option.value = a.username;
        assign.appendChild(option);
      }
    }
    const team = document.getElementById("transfer-team");
    if (team && !team.options.length) {
      const current = document.getElementById("team");
      for (const name of board.teams) {
        if (current && current.textContent === name) continue;
        const option = el("option", "", name);
        option.value = name;
        team.appendChild(option);
      }
    }
  }

  if (ticket) {
    const id = Number(ticket.dataset.ticket);
    const list = document.getElementById("messages");
    const status = document.getElementById("status");
    const assignee = document.getElementById("assignee");
    const sent = document.getElementById("sent");
    let after = Number(ticket.dataset.after || 0);
    let busy = null;

    const nearBottom = () => list.scrollHeight - list.scrollTop - list.clientHeight < 60;
    const toBottom = () => { list.scrollTop = list.scrollHeight; };
    toBottom();

    function label(m) {
      const name = word("kinds", m.kind);
      return m.author && m.kind !== "client" && m.kind !== "bot" ? `${name} (${m.author})` : name;
    }

    function append(m) {
      const pressed = m.kind === "client" && m.text.startsWith(BUTTON);
      const item = el("li", `msg ${m.kind}${pressed ? " pressed" : ""}`);
      item.dataset.id = m.id; item.dataset.kind = m.kind; item.dataset.code = m.code || "";
      item.appendChild(el("span", "who", label(m)));
      item.appendChild(el("span", "text", m.text));
      if (m.code) item.appendChild(el("span", "code", "#" + m.code));
      list.appendChild(item);
    }

    async function fetchMessages() {
      if (busy) return busy;
      busy = (async () => {
        const follow = nearBottom();
        const data = await getJSON(`/console/api/tickets/${id}?after=${after}`);
        let mineSent = false;
        for (const m of data.messages) {
          if (m.id <= after) continue;
          append(m);
          after = m.id;
          if (me && m.author === me.username) mineSent = true;
        }
        if (follow || mineSent) toBottom();
        status.textContent = word("statuses", data.ticket.status);
        status.className = "status " + data.ticket.status;
        if (assignee) assignee.textContent = data.ticket.assignee || "—";
      })();
      try { await busy; } finally { busy = null; }
    }

    refreshers.push(fetchMessages);
    handlers.push((message) => {
      if (message.type === "ticket" && message.ticket.id === id) fetchMessages().catch(() => {});
      if (message.type === "gone" && message.id === id && sent) {
        sent.textContent = L.left_queues;
      }
    });

    // Send and Add note: through the API, a confirmation, the message in place.
    for (const form of document.querySelectorAll(`form[action="/console/tickets/${id}/reply"], form[action="/console/tickets/${id}/note"]`)) {
      form.addEventListener("submit", async (event) => {
        event.preventDefault();
        const data = Object.fromEntries(new FormData(form));
        delete data.csrf_token;
        const note = form.getAttribute("action").endsWith("/note");
        const button = form.querySelector('button[type="submit"]');
        if (button) button.disabled = true;
        sent.className = "sent";
        sent.textContent = note ? L.adding_note : L.sending;
        try {
          await postJSON(form.getAttribute("action").replace("/console/tickets/", "/console/api/tickets/"), data);
          const text = note ? L.note_added : L.sent;
          sent.textContent = `✓ ${text} ${L.at} ${clock(Date.now() / 1000)}`;
          sent.className = "sent ok";
          if (form.querySelector("textarea")) form.reset();
          if (!note) lastTyping = 0;  // the next keystroke tells the client again
          await fetchMessages();
          toBottom();
        } catch (err) {
          sent.textContent = `${L.not_sent} ${err.message}`;
          sent.className = "sent error";
        } finally {
          if (button) button.disabled = false;
        }
      });
    }

    // "An agent is typing" for the client (Ctrl+Enter sends: see the shortcuts below).
    const text = document.getElementById("reply-text");
    let lastTyping = 0;
    if (text) {
      text.addEventListener("input", () => {
        const now = Date.now();
        // every 4.5 s while the agent types (the server passes one every 4 s; the widget
        // keeps its indicator 8 s)
        if (now - lastTyping < 4500 || !text.value.trim()) return;
        lastTyping = now;
        send({type: "typing", ticket: id});
      });
    }
  }

  // -- keyboard shortcuts (not while the agent types in a field) ---------------------------
  const SHORTCUTS = [["j", "key_next"], ["k", "key_previous"], ["o / Enter", "key_open"], ["r", "key_reply"],
                     ["Ctrl+Enter", "key_send"], ["n", "key_note"], ["e", "key_resolve"], ["u", "key_queue"],
                     ["?", "key_help"]];
  let selected = null;  // the ticket the queue's j/k point at
  let help = null;

  function typingIn(target) {
    return Boolean(target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)));
  }

  function showSelected() {
    if (!queue) return;
    for (const row of queue.querySelectorAll("tr[data-ticket]")) {
      const on = row.dataset.ticket === selected;
      row.classList.toggle("selected", on);
      if (on) row.setAttribute("aria-selected", "true"); else row.removeAttribute("aria-selected");
    }
  }

  function move(step) {
    const rows = [...queue.querySelectorAll("tr[data-ticket]")];
    if (!rows.length) return;
    const at = rows.findIndex((row) => row.dataset.ticket === selected);
    const next = rows[at < 0 ? (step > 0 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, at + step))];
    selected = next.dataset.ticket;
    showSelected();
    next.querySelector("a").focus();
  }

  function toggleHelp() {
    if (help) {
      help.remove();
      help = null;
      return;
    }
    help = el("section", "shortcuts");
    help.id = "shortcuts";
    help.setAttribute("role", "dialog");
    help.setAttribute("aria-label", L.shortcuts);
    help.appendChild(el("h2", "", L.shortcuts));
    const list = el("dl");
    for (const [keys, what] of SHORTCUTS) {
      list.appendChild(el("dt")).appendChild(el("kbd", "", keys));
      list.appendChild(el("dd", "", L[what]));
    }
    const close = el("button", "", L.close);
    close.type = "button";
    close.addEventListener("click", toggleHelp);
    help.append(list, close);
    document.body.appendChild(help);
    close.focus();
  }

  function focusField(id) {
    const field = document.getElementById(id);
    if (!field) return false;
    field.scrollIntoView({block: "center"});
    field.focus();
    return true;
  }

  function shortcut(key) {
    const resolve = document.getElementById("resolve");
    switch (key) {
      case "?": toggleHelp(); return true;
      case "j": if (!queue) return false; move(1); return true;
      case "k": if (!queue) return false; move(-1); return true;
      case "o":
        if (!queue || !selected) return false;
        location.href = `/console/tickets/${Number(selected)}`;
        return true;
      case "r": return focusField("reply-text");
      case "n": return focusField("note-text");
      case "e":
        if (!ticket || !resolve) return false;
        if (confirm(fmt(L.confirm_resolve, ticket.dataset.ticket))) resolve.form.requestSubmit();
        return true;
      case "u": if (queue) return false; location.href = "/console/"; return true;
      default: return false;
    }
  }

  if (signedIn) {
    document.addEventListener("keydown", (event) => {
      if (event.defaultPrevented || event.isComposing) return;
      // Ctrl+Enter sends the form of the text being written (a reply, a note)
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && event.target.tagName === "TEXTAREA"
          && event.target.form) {
        event.preventDefault();
        event.target.form.requestSubmit();
        return;
      }
      if (event.key === "Escape" && help) {
        event.preventDefault();
        toggleHelp();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target)) return;
      if (shortcut(event.key)) event.preventDefault();
    });
  }

  if (signedIn) {
    connect();
    loadBoard().catch(() => startPolling());
  }
})();
