// Quaid agent console: live updates by polling the console's JSON API.
// Text from clients is inserted with textContent, never as HTML.
(() => {
  const poll = Number(document.body.dataset.pollMs || 2000);
  const labels = {client: "Client", bot: "Bot", agent: "Agent", note: "Note", consult: "Consultation",
                  consult_done: "Expert's answer", event: "Event"};

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  async function getJSON(url) {
    const res = await fetch(url, {credentials: "same-origin", headers: {Accept: "application/json"}});
    if (res.status === 401) { location.reload(); throw new Error("signed out"); }
    if (!res.ok) throw new Error(res.statusText);
    return res.json();
  }

  function every(fn) {
    const loop = async () => {
      try { await fn(); } catch (err) { /* the next poll tries again */ }
      setTimeout(loop, poll);
    };
    setTimeout(loop, poll);
  }

  function label(m) {
    const name = labels[m.kind] || m.kind;
    return m.author && m.kind !== "client" && m.kind !== "bot" ? `${name} (${m.author})` : name;
  }

  // A ticket: append messages that arrive after the last one shown.
  const ticket = document.getElementById("ticket");
  if (ticket) {
    const list = document.getElementById("messages");
    const status = document.getElementById("status");
    let after = Number(ticket.dataset.after || 0);
    every(async () => {
      const data = await getJSON(`/console/api/tickets/${Number(ticket.dataset.ticket)}?after=${after}`);
      for (const m of data.messages) {
        if (m.id <= after) continue;
        const item = el("li", `msg ${m.kind}`);
        item.dataset.id = m.id; item.dataset.kind = m.kind; item.dataset.code = m.code || "";
        item.appendChild(el("span", "who", label(m)));
        item.appendChild(el("span", "text", m.text));
        if (m.code) item.appendChild(el("span", "code", "#" + m.code));
        list.appendChild(item);
        after = m.id;
      }
      status.textContent = data.ticket.status;
      status.className = "status " + data.ticket.status;
    });
  }

  // The queue: redraw the table with the tickets routed to this agent.
  const queue = document.getElementById("queue");
  if (queue) {
    every(async () => {
      const data = await getJSON("/console/api/queue");
      const rows = data.tickets.map((t) => {
        const row = el("tr");
        row.dataset.ticket = t.id;
        const cell = el("td");
        const link = el("a", "", "#" + t.id);
        link.href = `/console/tickets/${Number(t.id)}`;
        cell.appendChild(link);
        row.appendChild(cell);
        row.appendChild(el("td", "", t.channel));
        const status = el("td");
        status.appendChild(el("span", "status " + t.status, t.status));
        row.appendChild(status);
        row.appendChild(el("td", "", t.reason));
        row.appendChild(el("td", "", new Date(t.created_at * 1000).toISOString().replace("T", " ").slice(0, 19) + " UTC"));
        row.appendChild(el("td", "", t.assignee || "—"));
        row.appendChild(el("td", "", (t.candidates || []).map((c) => c.code).join(", ")));
        return row;
      });
      if (!rows.length) {
        const row = el("tr", "empty");
        const cell = el("td", "", "No open tickets in your queues.");
        cell.colSpan = 7;
        row.appendChild(cell);
        rows.push(row);
      }
      queue.replaceChildren(...rows);
    });
  }
})();
