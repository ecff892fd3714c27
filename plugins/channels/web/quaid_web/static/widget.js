// Quaid web-chat widget: talks to the public web API (see /openapi.json).
(() => {
  const log = document.getElementById("log");
  const form = document.getElementById("form");
  const input = document.getElementById("text");
  const langSelect = document.getElementById("lang");
  let conversationId = null;

  function show(reply, who) {
    const item = document.createElement("li");
    item.className = who;
    item.dataset.kind = reply.kind || "";
    item.dataset.code = reply.code || "";
    item.textContent = reply.text;  // text, never HTML
    for (const link of reply.links || []) {
      const a = document.createElement("a");
      a.href = link.url; a.textContent = link.title; a.target = "_blank"; a.rel = "noopener";
      item.appendChild(a);
    }
    if (reply.code) {
      const code = document.createElement("span");
      code.className = "code"; code.textContent = "#" + reply.code;
      item.appendChild(code);
    }
    if ((reply.quick_replies || []).length) {
      const box = document.createElement("div");
      box.className = "quick";
      for (const q of reply.quick_replies) {
        const b = document.createElement("button");
        b.type = "button"; b.textContent = q.title;
        b.addEventListener("click", () => { box.remove(); send({payload: q.payload}, q.title); });
        box.appendChild(b);
      }
      item.appendChild(box);
    }
    log.appendChild(item);
    log.scrollTop = log.scrollHeight;
  }

  const showAll = (replies) => replies.forEach((r) => show(r, r.kind === "agent" ? "agent" : "bot"));

  async function post(url, body) {
    const res = await fetch(url, {method: "POST", headers: {"Content-Type": "application/json"},
                                  body: JSON.stringify(body)});
    const data = await res.json();
    if (!res.ok) throw new Error(data.error || res.statusText);
    return data;
  }

  function listen() {
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    const ws = new WebSocket(`${scheme}://${location.host}/api/web/conversations/${conversationId}/events`);
    ws.onmessage = (e) => showAll(JSON.parse(e.data).replies);
    ws.onclose = () => setTimeout(listen, 2000);
  }

  const LABELS = {
    en: {placeholder: "Type your question…", send: "Send"},
    fr: {placeholder: "Écrivez votre question…", send: "Envoyer"},
  };

  async function start() {
    const labels = LABELS[langSelect.value] || LABELS.en;
    input.placeholder = labels.placeholder;
    form.querySelector("button").textContent = labels.send;
    document.documentElement.lang = langSelect.value;
    log.innerHTML = "";
    const data = await post("/api/web/conversations", {lang: langSelect.value});
    conversationId = data.conversation_id;
    window.quaidConversationId = conversationId;
    showAll(data.replies);
    listen();
  }

  async function send(body, label) {
    show({text: label}, "client");
    try {
      const data = await post(`/api/web/conversations/${conversationId}/messages`, body);
      showAll(data.replies);
    } catch (err) {
      show({text: "⚠ " + err.message, kind: "system"}, "bot");
    }
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    send({text}, text);
  });
  langSelect.addEventListener("change", start);
  start();
})();
