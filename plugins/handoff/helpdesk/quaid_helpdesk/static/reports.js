/* Quaid agent console: the supervisors' dashboard. Draws the charts as SVG from
   /console/api/reports (no library, no network beyond the console). Data is inserted as
   text (textContent), never as HTML. */
(function () {
  "use strict";
  var root = document.getElementById("reports");
  if (!root) { return; }
  var t = JSON.parse(root.getAttribute("data-labels"));
  var query = root.getAttribute("data-query") || "";
  var NS = "http://www.w3.org/2000/svg";
  var COLORS = ["#4C78A8", "#F58518", "#54A24B", "#B279A2", "#72B7B2", "#E45756", "#9D755D"];

  function node(name, attrs, parent, text) {
    var n = document.createElementNS(NS, name);
    Object.keys(attrs || {}).forEach(function (k) { n.setAttribute(k, String(attrs[k])); });
    if (text !== undefined) { n.textContent = text; }
    if (parent) { parent.appendChild(n); }
    return n;
  }

  function canvas(id, width, height) {
    var figure = document.getElementById(id);
    var old = figure.querySelector("svg");
    if (old) { old.remove(); }
    var svg = node("svg", {viewBox: "0 0 " + width + " " + height, width: "100%", role: "img"});
    figure.appendChild(svg);
    return svg;
  }

  function done(svg) {
    svg.setAttribute("data-drawn", "true");
    svg.parentNode.classList.add("drawn");
  }

  function pct(v) { return v === null || v === undefined ? "—" : (v * 100).toFixed(1) + " %"; }
  function mins(s) {
    if (s === null || s === undefined) { return "—"; }
    return s >= 3600 ? Math.floor(s / 3600) + " h " + String(Math.round((s % 3600) / 60)).padStart(2, "0")
                     : Math.round(s / 60) + " min";
  }
  function nice(max) {
    if (max <= 0) { return 1; }
    var step = Math.pow(10, Math.floor(Math.log10(max)));
    return Math.ceil(max / step) * step;
  }

  function axes(svg, x0, y0, w, h, top) {
    node("line", {x1: x0, y1: y0, x2: x0 + w, y2: y0, "class": "axis"}, svg);
    node("line", {x1: x0, y1: y0, x2: x0, y2: y0 - h, "class": "axis"}, svg);
    for (var i = 0; i <= 4; i++) {
      var y = y0 - h * i / 4;
      node("line", {x1: x0, y1: y, x2: x0 + w, y2: y, "class": "grid"}, svg);
      node("text", {x: x0 - 6, y: y + 4, "text-anchor": "end", "class": "tick"}, svg,
           String(Math.round(top * i / 4 * 10) / 10));
    }
  }

  function legend(svg, names, x, y, first) {
    names.forEach(function (name, i) {
      node("rect", {x: x, y: y + i * 16 - 9, width: 10, height: 10,
                    fill: COLORS[(i + (first || 0)) % COLORS.length]}, svg);
      node("text", {x: x + 14, y: y + i * 16, "class": "legend"}, svg, name);
    });
  }

  function tiles(r) {
    var box = document.getElementById("tiles");
    box.textContent = "";
    var items = [
      [t.conversations, r.volume.conversations], [t.messages, r.volume.messages],
      [t.bot_answers, r.volume.bot_answers], [t.agent_answers, r.volume.agent_answers],
      [t.satisfaction, pct(r.satisfaction.rate)],
      [t.survey, r.satisfaction.survey_mean === null ? "—" : r.satisfaction.survey_mean.toFixed(2) + " / 5"],
      [t.escalation, pct(r.escalation.rate)], [t.containment, pct(r.containment.rate)],
      [t.abandonment, pct(r.abandonment.rate)], [t.confirmed, pct(r.function.confirmed_rate)],
      [t.corrected, pct(r.function.corrected_rate)],
      [t.first_response, mins(r.first_response_s.mean) + " / " + mins(r.first_response_s.p90)],
      [t.resolution, mins(r.resolution_s.mean) + " / " + mins(r.resolution_s.p90)],
      [t.turns, r.turns_to_resolution.mean === null ? "—" : r.turns_to_resolution.mean.toFixed(2)]
    ];
    items.forEach(function (item) {
      var tile = document.createElement("div");
      tile.className = "tile";
      var value = document.createElement("span");
      value.className = "value";
      value.textContent = String(item[1]);
      var label = document.createElement("span");
      label.className = "label";
      label.textContent = item[0];
      tile.appendChild(value);
      tile.appendChild(label);
      box.appendChild(tile);
    });
  }

  function volumeChart(r) {
    var days = r.series.conversations_by_day;
    var svg = canvas("chart-volume", 560, 300);
    var channels = [];
    days.forEach(function (d) {
      Object.keys(d).forEach(function (k) { if (k !== "day" && channels.indexOf(k) < 0) { channels.push(k); } });
    });
    channels.sort();
    var max = 0;
    days.forEach(function (d) { channels.forEach(function (c) { max = Math.max(max, d[c] || 0); }); });
    var top = nice(max), x0 = 44, y0 = 260, w = 400, h = 230;
    axes(svg, x0, y0, w, h, top);
    channels.forEach(function (c, i) {
      var points = days.map(function (d, j) {
        var x = x0 + (days.length > 1 ? w * j / (days.length - 1) : w / 2);
        return x.toFixed(1) + "," + (y0 - h * (d[c] || 0) / top).toFixed(1);
      });
      node("polyline", {points: points.join(" "), fill: "none", stroke: COLORS[i % COLORS.length],
                        "stroke-width": 1.6, "class": "series"}, svg);
    });
    if (days.length) {
      node("text", {x: x0, y: y0 + 18, "class": "tick"}, svg, days[0].day);
      node("text", {x: x0 + w, y: y0 + 18, "text-anchor": "end", "class": "tick"}, svg, days[days.length - 1].day);
    }
    legend(svg, channels, x0 + w + 14, 30);
    done(svg);
  }

  function topChart(r) {
    var rows = r.top_codes;
    var svg = canvas("chart-top", 560, 300);
    var max = 0;
    rows.forEach(function (row) { max = Math.max(max, row.count); });
    var top = nice(max), x0 = 70, w = 380, bar = 20;
    rows.forEach(function (row, i) {
      var y = 14 + i * (bar + 6);
      node("text", {x: x0 - 6, y: y + 15, "text-anchor": "end", "class": "tick"}, svg, row.code);
      var botW = w * row.bot / top, agentW = w * row.agent / top;
      node("rect", {x: x0, y: y, width: botW, height: bar, fill: COLORS[0], "class": "bar"}, svg);
      node("rect", {x: x0 + botW, y: y, width: agentW, height: bar, fill: COLORS[1], "class": "bar"}, svg);
      node("text", {x: x0 + botW + agentW + 4, y: y + 15, "class": "tick"}, svg, String(row.count));
    });
    legend(svg, [t.bot, t.agents], x0 + w + 40, 30);
    done(svg);
  }

  function timesChart(r) {
    var byLob = r.first_response_s.by_lob;
    var lobs = Object.keys(byLob).sort();
    var svg = canvas("chart-times", 560, 300);
    var max = 0;
    lobs.forEach(function (lob) { max = Math.max(max, (byLob[lob].p90 || 0) / 60); });
    var top = nice(max), x0 = 44, y0 = 260, w = 420, h = 230;
    axes(svg, x0, y0, w, h, top);
    var slot = lobs.length ? w / lobs.length : w;
    lobs.forEach(function (lob, i) {
      var values = [(byLob[lob].mean || 0) / 60, (byLob[lob].p90 || 0) / 60];
      values.forEach(function (v, k) {
        var bw = slot * 0.38;
        node("rect", {x: x0 + slot * i + slot * 0.1 + k * bw, y: y0 - h * v / top, width: bw,
                      height: h * v / top, fill: COLORS[2 + k], "class": "bar"}, svg);
      });
      node("text", {x: x0 + slot * (i + 0.5), y: y0 + 16, "text-anchor": "middle", "class": "tick"}, svg, lob);
    });
    legend(svg, [t.mean, t.p90], x0 + w + 16, 30, 2);
    done(svg);
  }

  function surveyChart(r) {
    var dist = r.satisfaction.survey_distribution;
    var svg = canvas("chart-survey", 560, 300);
    var keys = ["1", "2", "3", "4", "5"], max = 0;
    keys.forEach(function (k) { max = Math.max(max, dist[k] || 0); });
    var top = nice(max), x0 = 44, y0 = 260, w = 420, h = 230, slot = w / 5;
    axes(svg, x0, y0, w, h, top);
    keys.forEach(function (k, i) {
      var v = dist[k] || 0;
      node("rect", {x: x0 + slot * i + slot * 0.15, y: y0 - h * v / top, width: slot * 0.7,
                    height: h * v / top, fill: COLORS[4], "class": "bar"}, svg);
      node("text", {x: x0 + slot * (i + 0.5), y: y0 + 16, "text-anchor": "middle", "class": "tick"}, svg, k);
    });
    done(svg);
  }

  function unanswered(r) {
    var body = document.querySelector("#unanswered tbody");
    body.textContent = "";
    r.unanswered.forEach(function (group) {
      var tr = document.createElement("tr");
      [group.words.join(" "), String(group.count), group.examples[0] || ""].forEach(function (text) {
        var td = document.createElement("td");
        td.textContent = text;
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
  }

  function trendChart(tr) {
    var svg = canvas("chart-trend", 900, 300);
    var weeks = tr.weeks, max = 0;
    weeks.forEach(function (w) { max = Math.max(max, w.count); });
    var top = nice(max), x0 = 44, y0 = 260, w = 820, h = 230;
    axes(svg, x0, y0, w, h, top);
    var slot = weeks.length ? w / weeks.length : w;
    var change = Date.parse(tr.change_date), markX = null;
    weeks.forEach(function (wk, i) {
      var start = Date.parse(wk.week), after = start >= change;
      node("rect", {x: x0 + slot * i + 1, y: y0 - h * wk.count / top, width: Math.max(1, slot - 2),
                    height: h * wk.count / top, fill: after ? COLORS[1] : COLORS[0], "class": "bar"}, svg);
      if (markX === null && start + 7 * 86400000 > change) {
        markX = x0 + slot * (i + Math.max(0, (change - start) / (7 * 86400000)));
      }
    });
    if (markX === null) { markX = x0 + w; }
    node("line", {x1: markX, y1: y0, x2: markX, y2: y0 - h - 10, "class": "change"}, svg);
    node("text", {x: markX + 4, y: y0 - h - 2, "class": "tick"}, svg, tr.change_date);
    if (weeks.length) {
      node("text", {x: x0, y: y0 + 18, "class": "tick"}, svg, weeks[0].week);
      node("text", {x: x0 + w, y: y0 + 18, "text-anchor": "end", "class": "tick"}, svg, weeks[weeks.length - 1].week);
    }
    done(svg);
    document.getElementById("trend-summary").textContent =
      tr.target + ": " + t.before + " " + tr.before.per_week + " " + t.per_week + ", " + t.after + " " +
      tr.after.per_week + " " + t.per_week + " (" + (tr.change_pct === null ? "—" : tr.change_pct + " %") +
      "), " + t.p_value + " = " + tr.p_value + " — " + (tr.significant ? t.significant : t.not_significant);
  }

  function get(url) {
    return fetch(url, {credentials: "same-origin", headers: {"Accept": "application/json"}})
      .then(function (resp) {
        if (!resp.ok) { return resp.json().then(function (body) { throw new Error(body.error || resp.status); }); }
        return resp.json();
      });
  }

  var status = document.getElementById("status");
  get("/console/api/reports?" + query).then(function (r) {
    status.textContent = r.volume.conversations ? "" : t.none;
    tiles(r);
    volumeChart(r);
    topChart(r);
    timesChart(r);
    surveyChart(r);
    unanswered(r);
    root.setAttribute("data-loaded", "true");
    if (r.top_codes.length && !document.getElementById("trend-target").value) {
      document.getElementById("trend-target").value = r.top_codes[0].code;
    }
  }).catch(function (err) {
    status.textContent = t.error + ": " + err.message;
    status.classList.add("error");
  });

  document.getElementById("trend-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var target = document.getElementById("trend-target").value.trim();
    var change = document.getElementById("trend-change").value;
    var params = new URLSearchParams(query);
    params.set("target", target);
    params.set("change", change);
    get("/console/api/reports/trend?" + params.toString()).then(trendChart).catch(function (err) {
      document.getElementById("trend-summary").textContent = t.error + ": " + err.message;
    });
  });
}());
