// bilat dashboard. No build step, no network beyond this server. Every
// string that comes from data is set with textContent or as a chart value
// drawn on canvas; never parsed as HTML.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const charts = {};
  const state = { pair: "", from: "", to: "", offset: 0 };
  const kinds = ["call", "meeting", "visit"];
  const colors = { call: "#2f6fb2", meeting: "#2e8b57", visit: "#c0622a" };

  function el(tag, props, ...children) {
    const e = document.createElement(tag);
    if (props) for (const [k, v] of Object.entries(props)) {
      if (k === "text") e.textContent = v;
      else if (k === "class") e.className = v;
      else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v);
    }
    for (const c of children) if (c != null) e.append(c);
    return e;
  }

  async function get(path, params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) if (v !== "" && v != null) q.set(k, v);
    const url = path + (q.toString() ? "?" + q : "");
    const r = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await r.json();
    if (!r.ok) throw new Error(body.error || r.statusText);
    return body;
  }

  function chart(id) {
    if (!charts[id]) charts[id] = echarts.init($(id), null, { renderer: "canvas" });
    return charts[id];
  }

  function status(msg) { $("status").textContent = msg || ""; }

  // timed runs f, recording how long it took (performance "measure" entries
  // named draw:NAME; the speed test reads them).
  function timed(name, f) {
    const t = performance.now();
    f();
    try { performance.measure("draw:" + name, { start: t, end: performance.now() }); } catch { /* an older browser */ }
  }

  function who(e) {
    return (e.participants || []).map((p) => p.name + " (" + (p.title || "?") + ", " + p.country + ")").join(" · ");
  }

  // tip builds a tooltip as DOM nodes, so names in data stay text.
  function tip(...lines) {
    const d = el("div");
    lines.forEach((l, i) => { if (i) d.append(el("br")); d.append(document.createTextNode(l)); });
    return d;
  }

  function params() { return { pair: state.pair, from: state.from, to: state.to }; }

  let pairs = [];

  // loadPairs reads the pairs, and shows the chosen one: the whole list (a
  // large store has thousands of pairs) is made after the first view, by
  // fillPairs.
  async function loadPairs() {
    ({ pairs } = await get("/api/pairs"));
    if (!state.pair) state.pair = (pairs[0] && pairs[0].pair) || "";
    const cur = pairs.find((p) => p.pair === state.pair);
    $("pair").replaceChildren(...(cur ? [pairOption(cur)] : []));
    $("pair").value = state.pair; $("from").value = state.from; $("to").value = state.to;
    return pairs.length;
  }

  function pairOption(p) { return new Option(p.pair + " (" + p.count + ")", p.pair); }

  function fillPairs() {
    const sel = $("pair");
    if (sel.options.length === pairs.length) return;
    sel.replaceChildren(...pairs.map(pairOption));
    sel.value = state.pair;
  }

  // fetchAll asks for everything a view shows at once: the charts' data and
  // the list's first page.
  function fetchAll() {
    const p = params();
    return Promise.all([get("/api/timeline", p), get("/api/signals", p), get("/api/actors", p),
      get("/api/engagements", Object.assign({}, p, { limit: 50, offset: 0 }))]);
  }

  async function refresh(pending) {
    if (!state.pair) { status("No engagements stored yet: run bilat ingest first."); document.body.dataset.state = "ready"; return; }
    document.body.dataset.state = "loading";
    status("Loading " + state.pair + "…");
    const u = new URLSearchParams(params());
    for (const [k, v] of [...u]) if (!v) u.delete(k);
    history.replaceState(null, "", "?" + u);
    try {
      const [tl, sig, act, page] = await (pending || fetchAll());
      if (performance.mark) performance.mark("data");
      timed("counts", () => drawCounts(tl)); timed("timeline", () => drawTimeline(tl)); timed("levels", () => drawLevels(tl));
      timed("network", () => drawNetwork(act)); timed("topics", () => drawTopics(sig)); timed("signals", () => drawSignals(sig));
      timed("list", () => { state.offset = 0; $("list").replaceChildren(); showList(page); });
      status("");
    } catch (err) {
      status("Error: " + err.message);
    }
    document.body.dataset.state = "ready";
    if (!document.body.dataset.firstView) document.body.dataset.firstView = Math.round(performance.now()); // ms from navigation
  }

  function drawCounts(tl) {
    const c = tl.counts, box = $("counts");
    const item = (n, label) => el("div", null, el("b", { text: String(n) }), label);
    box.replaceChildren(item(c.total, "engagements"), ...kinds.map((k) => item(c.by_kind[k] || 0, k + "s (occurred)")),
      item(c.by_status.planned || 0, "planned"), item(c.by_status.cancelled || 0, "cancelled"));
    box.dataset.total = c.total;
  }

  // The timeline's symbol size by the highest rank present (0: unknown).
  const rankSizes = [8, 22, 18, 14, 10, 8];

  function drawTimeline(tl) {
    // One series per kind and rank, so each has one symbol size and can be
    // drawn as one shape (ECharts' "large" mode): a busy pair has thousands
    // of engagements, and a shape each would take most of the first view's
    // time. The series of a kind share its name: one legend entry.
    // A point is [date, kind, rank, index in tl.engagements]: ECharts
    // copies its options, so the engagements stay out of them.
    const series = new Map(), es = tl.engagements;
    let n = 0;
    es.forEach((e, i) => {
      if (!e.date || !kinds.includes(e.kind)) return;
      const rank = rankSizes[e.rank] ? e.rank : 0, key = e.kind + rank;
      if (!series.has(key)) series.set(key, { kind: e.kind, rank, data: [] });
      series.get(key).data.push([e.date.length === 4 ? e.date + "-07-01" : e.date.length === 7 ? e.date + "-15" : e.date, e.kind, e.rank, i]);
      n++;
    });
    $("timeline").dataset.count = n;
    const at = (p) => es[p.value[3]];
    chart("timeline").setOption({
      animation: false, grid: { left: 70, right: 20, top: 30, bottom: 50 },
      legend: { top: 0, data: kinds },
      tooltip: { trigger: "item", formatter: (p) => { const e = at(p); return tip(e.date + " " + e.kind + " (" + e.status + ")", who(e), "highest rank " + (e.rank || "?")); } },
      xAxis: { type: "time" }, yAxis: { type: "category", data: kinds },
      dataZoom: [{ type: "inside" }, { type: "slider", height: 18, bottom: 8, showDataShadow: false }],
      series: [...series.values()].sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || b.rank - a.rank).map((s) => ({
        name: s.kind, type: "scatter", data: s.data, large: true, largeThreshold: 200,
        itemStyle: { color: colors[s.kind], opacity: 0.8 },
        symbol: s.kind === "call" ? "triangle" : s.kind === "visit" ? "rect" : "circle", symbolSize: rankSizes[s.rank] })),
    }, true);
    chart("timeline").off("click");
    chart("timeline").on("click", (p) => p.value && at(p) && openDetail(at(p).id));
  }

  function drawLevels(tl) {
    const [a, b] = tl.pair.split("-");
    const months = tl.levels.map((l) => l.month);
    $("levels").dataset.count = tl.levels.length;
    chart("levels").setOption({
      animation: false, grid: { left: 48, right: 20, top: 30, bottom: 30 }, legend: { top: 0 },
      tooltip: { trigger: "axis", formatter: (ps) => tip(...[ps[0] ? ps[0].axisValue : ""].concat(ps.map((p) => p.seriesName + ": rank " + (p.value || "none")))) },
      xAxis: { type: "category", data: months }, yAxis: { type: "value", inverse: true, min: 1, max: 5, interval: 1, name: "rank", nameLocation: "middle", nameGap: 24 },
      series: [a, b].map((c, i) => ({ name: c, type: "line", step: "middle", connectNulls: false,
        data: tl.levels.map((l) => (i ? l.b : l.a) || null) })),
    }, true);
  }

  function drawNetwork(act) {
    // A phone shows fewer people; names are drawn for the busiest only (the
    // others on hover), so labels do not pile up.
    const narrow = $("network").clientWidth < 500;
    // Take the busiest of each country in turn, so one side's many
    // officials do not crowd the other side out of the picture.
    const byCountry = new Map();
    for (const a of act.actors) { if (!byCountry.has(a.country)) byCountry.set(a.country, []); byCountry.get(a.country).push(a); }
    const max = narrow ? 30 : 40, actors = [], taken = new Set();
    const lists = state.pair.split("-").map((c) => byCountry.get(c) || []).concat([act.actors]); // the pair's sides, then anyone
    for (let i = 0; actors.length < max && lists.some((l) => i < l.length); i++) {
      for (const l of lists.slice(0, 2)) if (i < l.length && actors.length < max) { actors.push(l[i]); taken.add(l[i].name); }
    }
    for (const a of act.actors) if (actors.length < max && !taken.has(a.name)) { actors.push(a); taken.add(a.name); }
    const names = new Set(actors.map((a) => a.name));
    const labelled = new Set(actors.slice(0, narrow ? 10 : 24).map((a) => a.name));
    const countries = [...new Set(actors.map((a) => a.country))];
    $("network").dataset.count = actors.length;
    chart("network").setOption({
      animation: false, legend: { top: 0, data: countries.slice(0, 8) },
      tooltip: { formatter: (p) => p.dataType === "edge" ? tip(p.data.source + " — " + p.data.target, p.data.value + " engagements")
        : tip(p.data.name + " (" + p.data.title + ", " + p.data.country + ")", p.data.value + " engagements") },
      series: [{ type: "graph", layout: "force", roam: true, draggable: true, top: 36, bottom: 10, left: 10, right: 10,
        force: { repulsion: narrow ? 90 : 110, edgeLength: narrow ? [30, 70] : [40, 90], gravity: 0.3 },
        categories: countries.map((c) => ({ name: c })), label: { show: false, position: "right", fontSize: 11 },
        emphasis: { label: { show: true } }, labelLayout: { hideOverlap: true },
        data: actors.map((a) => ({ name: a.name, value: a.count, title: a.title, country: a.country, category: countries.indexOf(a.country),
          label: { show: labelled.has(a.name) }, symbolSize: (narrow ? 6 : 8) + Math.min(narrow ? 18 : 30, Math.sqrt(a.count) * (narrow ? 3 : 5)) })),
        // the 150 strongest links: more only blur the picture and slow it
        links: act.links.filter((l) => names.has(l.a) && names.has(l.b)).slice(0, 150).map((l) => ({ source: l.a, target: l.b, value: l.count,
          lineStyle: { width: Math.min(8, 1 + l.count / 4), opacity: 0.5 } })) }],
    }, true);
  }

  function drawTopics(sig) {
    const years = [...new Set(sig.topics.map((t) => t.year))].sort();
    const topics = [...new Set(sig.topics.map((t) => t.topic))].sort();
    const count = new Map(sig.topics.map((t) => [t.year + "\u0000" + t.topic, t.count]));
    $("topics").dataset.count = topics.length;
    chart("topics").setOption({
      animation: false, grid: { left: 40, right: 20, top: 50, bottom: 30 }, legend: { top: 0, type: "scroll" },
      tooltip: { trigger: "item", formatter: (p) => tip(p.seriesName + " " + p.name + ": " + p.value) },
      xAxis: { type: "category", data: years.map(String) }, yAxis: { type: "value", minInterval: 1 },
      series: topics.map((t) => ({ name: t, type: "bar", stack: "t",
        data: years.map((y) => count.get(y + "\u0000" + t) || 0) })),
    }, true);
  }

  function cites(ids) {
    const span = el("span");
    for (const id of ids || []) span.append(el("a", { class: "cite", tabindex: "0", "data-id": String(id), text: "#" + id, onclick: () => openDetail(id) }));
    return span;
  }

  // capped appends the first n of items (made by make) to parent, and a
  // button that adds the rest when asked: a busy pair has thousands of
  // findings, and drawing them all would slow the page and bury the rest.
  function capped(parent, items, n, make, wrap) {
    parent.append(...items.slice(0, n).map(make));
    if (items.length <= n) return;
    const more = el("button", { type: "button", class: "more", text: "Show " + (items.length - n) + " more",
      onclick: () => { const rest = items.slice(n).map(make); (wrap ? wrap(more, rest) : more.replaceWith(...rest)); } });
    parent.append(wrap ? el("li", { class: "more-row" }, more) : more);
  }

  function section(title, items, render) {
    const box = el("div", { class: "signal-group" }, el("h3", { text: title + (items && items.length > 8 ? " (" + items.length + ")" : "") }));
    if (!items || !items.length) { box.append(el("p", { class: "hint", text: "none" })); return box; }
    const ul = el("ul");
    capped(ul, items, 8, (x) => { const [text, ids] = render(x); return el("li", null, text, cites(ids)); },
      (btn, rest) => btn.parentElement.replaceWith(...rest));
    box.append(ul);
    return box;
  }

  function withHint(box, hint) {
    if (hint) box.querySelector("h3").after(el("p", { class: "hint", text: hint }));
    return box;
  }

  function drawSignals(sig) {
    const [a, b] = sig.pair.split("-");
    const recip = el("div", { class: "signal-group" }, el("h3", { text: "Reciprocity: visits each way" }));
    if (sig.reciprocity && sig.reciprocity.length) {
      const t = el("table", { class: "signal" }, el("tr", null, el("th", { text: "year" }), el("th", { text: a + " → " + b }), el("th", { text: b + " → " + a }), el("th", { text: "visits" })));
      for (const y of sig.reciprocity) {
        const visits = el("td", { class: "visits" });
        capped(visits, y.visits, 4, (v) => el("span", { class: "visit" }, v.visitor + " (rank " + v.rank + ")", cites([v.engagement])));
        t.append(el("tr", null, el("td", { text: String(y.year) }), el("td", { text: String(y.a_to_b) }), el("td", { text: String(y.b_to_a) }), visits));
      }
      recip.append(el("div", { class: "scroll" }, t));
    } else recip.append(el("p", { class: "hint", text: "none" }));
    const share = (sig.asymmetry_share || []).map((s) => s.year + ": " + s.asymmetric + "/" + s.total).join(", ");
    $("signals").replaceChildren(
      section("Silences", sig.silences, (s) => [s.note, s.engagements]),
      withHint(section("Protocol asymmetry", sig.asymmetries, (x) => [x.note, [x.engagement]]), share && "Asymmetric of those with both ranks known, per year: " + share),
      section("Co-located but only phoned", sig.colocated_calls, (x) => [x.note, x.engagements]),
      recip,
      section("First contact after taking office", sig.first_contacts, (x) => [x.note, x.engagements]),
    );
    $("signals").dataset.asymmetries = sig.asymmetries.length;
  }

  async function loadList() {
    showList(await get("/api/engagements", Object.assign(params(), { limit: 50, offset: state.offset })));
  }

  function showList(page) {
    const list = $("list");
    for (const e of page.engagements) {
      const rank = Math.min(...e.participants.map((p) => p.rank || 9));
      list.append(el("li", { tabindex: "0", "data-id": String(e.id), onclick: () => openDetail(e.id), onkeydown: (ev) => ev.key === "Enter" && openDetail(e.id) },
        el("span", { class: "kind " + e.kind, text: e.kind }),
        el("span", { class: "date", text: (e.date || "undated") + (e.date_end ? " – " + e.date_end : "") }),
        el("span", { class: "who", text: who(e) + (e.status !== "occurred" ? " [" + e.status + "]" : "") }),
        el("span", { class: "rank", text: "rank " + (rank < 9 ? rank : "?") + " · " + e.sources.length + " source(s)" })));
    }
    state.offset += page.engagements.length;
    $("more").hidden = !page.more;
    list.dataset.count = list.children.length;
  }

  function safeURL(u) {
    try { const x = new URL(u); return x.protocol === "http:" || x.protocol === "https:" ? x.href : ""; } catch { return ""; }
  }

  async function openDetail(id) {
    const body = $("detail-body");
    body.replaceChildren(el("p", { text: "Loading…" }));
    if (!$("detail").open) $("detail").showModal();
    try {
      const e = await get("/api/engagements/" + encodeURIComponent(id));
      const srcs = e.sources.map((s) => {
        const u = safeURL(s.url);
        return el("div", { class: "source" },
          el("div", null, u ? el("a", { href: u, target: "_blank", rel: "noopener noreferrer", text: s.title || s.url }) : el("span", { text: (s.title || "") + " " + (s.url || "") })),
          el("div", { class: "meta", text: [s.published && "published " + s.published, s.date && "says " + s.date + (s.date_end ? " – " + s.date_end : ""), s.status, s.location].filter(Boolean).join(" · ") }),
          el("mark", { class: "evidence", text: s.evidence }));
      });
      body.replaceChildren(
        el("h2", { text: e.kind + " · " + (e.date || "undated") + (e.date_end ? " – " + e.date_end : "") + " · " + e.status }),
        el("p", { text: who(e) }),
        el("p", { class: "meta", text: [e.location, e.host_country && "host " + e.host_country, (e.topics || []).join(", ")].filter(Boolean).join(" · ") }),
        el("h3", { text: e.sources.length + " source(s)" }), ...srcs);
      body.dataset.id = e.id;
    } catch (err) {
      body.replaceChildren(el("p", { text: "Error: " + err.message }));
    }
  }

  window.addEventListener("resize", () => Object.values(charts).forEach((c) => c.resize()));
  // This script runs before the chart library (see index.html), so the
  // first view's data is on its way while the library is compiled. The
  // pair comes from the address, else the server names the busiest on the
  // body: its data is asked for beside the list of pairs, not after it.
  const u = new URLSearchParams(location.search);
  state.pair = u.get("pair") || document.body.dataset.pair || "";
  state.from = u.get("from") || ""; state.to = u.get("to") || "";
  const first = state.pair ? Promise.all([loadPairs(), fetchAll()]).then(([, data]) => data)
    : loadPairs().then(() => (state.pair ? fetchAll() : []));
  first.catch(() => {});
  async function start() {
    if (performance.mark) performance.mark("ready");
    $("controls").addEventListener("submit", (ev) => {
      ev.preventDefault();
      state.pair = $("pair").value; state.from = $("from").value; state.to = $("to").value;
      refresh();
    });
    $("pair").addEventListener("change", () => { state.pair = $("pair").value; refresh(); });
    $("more").addEventListener("click", loadList);
    try { await first; } catch (err) { status("Error: " + err.message); fillPairs(); document.body.dataset.state = "ready"; return; }
    await refresh(first);
    fillPairs(); // before anyone can use the page: this runs on from refresh's end
  }
  document.addEventListener("DOMContentLoaded", start);
})();
