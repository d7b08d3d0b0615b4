/* policy-slogan-kg explorer.
 * Safety rule: every string that comes from the graph (labels, aliases, titles, evidence)
 * reaches the DOM through textContent or vis-network's innerText tooltips, never innerHTML.
 * window.kgExplorer is the hook the browser tests and benchmarks drive.
 */
(function () {
  "use strict";

  var SVG_NS = "http://www.w3.org/2000/svg";
  var DIM_NODE = 0.12;
  var DIM_EDGE = 0.06;
  var MAX_PANEL_EDGES = 150;
  var MAX_RESULTS = 30;

  var payload = JSON.parse(document.getElementById("kg-data").textContent);
  var meta = payload.meta;
  var info = payload.info;
  var evidence = payload.evidence;
  var articles = payload.articles;
  var articleDates = payload.dates || {};
  var spans = payload.spans || {};
  var series = payload.series || {};
  var kwic = payload.kwic || {};
  var hidden = payload.hidden || [];
  var range = { from: "", to: "" };
  var startedAt = performance.now();

  var api = { ready: false, readyMs: null, highlighted: null };
  window.kgExplorer = api;

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }

  // ---- data -------------------------------------------------------------------------
  var classByName = {};
  payload.classes.forEach(function (c) { classByName[c.name] = c; });
  var relByName = {};
  payload.relations.forEach(function (r) { relByName[r.name] = r; });
  Object.keys(info).forEach(function (k) {
    var d = info[k];
    d.aliases = d.aliases || []; d.articles = d.articles || []; d.subtypes = d.subtypes || [];
    d.label_en = d.label_en || "";
  });

  // Tooltips are plain strings: vis-network inserts string titles with innerText.
  function nodeTooltip(d) {
    var lines = [d.label, (classByName[d.type] || { zh: d.type }).zh + " · " + d.type];
    if (d.aliases.length) lines.push("别名 aliases: " + d.aliases.slice(0, 6).join("、") + (d.aliases.length > 6 ? "…" : ""));
    if (d.count || d.articles.length) lines.push("提及 " + d.count + " 次 · " + d.articles.length + " 篇文章");
    return lines.join("\n");
  }
  payload.nodes.forEach(function (n) { n.title = nodeTooltip(info[String(n.id)]); });
  var incident = {};
  payload.edges.forEach(function (e) {
    var r = relByName[e.rel] || { zh: e.rel, color: "#7F7F7F", dashes: false };
    var ev = evidence[String(e.id)];
    e.color = { color: r.color, highlight: r.color, hover: r.color, opacity: meta.edge_opacity || 1 };
    e.font = { color: r.color };
    e.dashes = !!r.dashes;
    e.title = info[String(e.from)].label + " —" + e.rel + " " + r.zh + "→ " + info[String(e.to)].label +
      (ev ? "\n" + (ev.items.length + ev.more) + " 条证据 evidence" : "");
    (incident[e.from] = incident[e.from] || []).push(e);
    if (e.to !== e.from) (incident[e.to] = incident[e.to] || []).push(e);
  });
  var hiddenClasses = new Set();
  var hiddenRelations = new Set();
  var nodes = new vis.DataSet(payload.nodes);
  var edges = new vis.DataSet(payload.edges);
  // a node is in the date range when its first..last dates overlap it (undated nodes always are)
  function inRange(id) {
    var sp = spans[String(id)];
    if (!sp || (!range.from && !range.to)) return true;
    return (!range.from || sp[1] >= range.from) && (!range.to || sp[0] <= range.to);
  }
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return !hiddenClasses.has(n.group) && inRange(n.id); } });
  var edgeView = new vis.DataView(edges, { filter: function (e) { return !hiddenRelations.has(e.rel); } });

  // ---- network ------------------------------------------------------------------------
  var container = document.getElementById("kg-canvas");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, payload.options);
  var loading = document.getElementById("kg-loading");

  function markReady() {
    if (api.ready) return;
    api.ready = true;
    api.readyMs = performance.now() - startedAt;
    loading.hidden = true;
    if (meta.focus !== null && meta.focus !== undefined) focusNode(meta.focus, false);
  }
  if (meta.layout === "physics") {
    network.on("stabilizationProgress", function (p) {
      loading.textContent = "布局计算中… laying out " + Math.round(100 * p.iterations / p.total) + "%";
    });
    network.once("stabilizationIterationsDone", function () {
      // Stop the simulation for good: a settled graph must not keep burning CPU.
      network.setOptions({ physics: { enabled: false } });
      network.fit({ animation: false });
      markReady();
    });
  } else {
    network.once("afterDrawing", markReady);
  }

  // ---- neighbourhood highlight -------------------------------------------------------------
  // Dimming by updating every node in the DataSet costs seconds at 2,000+ nodes (vis
  // re-parses each item's options). Instead a white veil is painted over the finished frame
  // and only the neighbourhood is drawn again on top: cost follows the neighbourhood size.
  // Node.draw / Edge.draw / drawArrows are vis-network 9.1.2 internals (the bundled copy).
  var nearNodes = [];
  var nearEdges = [];
  api.dimmed = function (id) { return api.highlighted !== null && nearNodes.indexOf(id) < 0; };

  function clearHighlight() {
    if (api.highlighted === null) return;
    api.highlighted = null;
    nearNodes = [];
    nearEdges = [];
    network.redraw();
  }

  function highlight(id) {
    var near = new Set([id]);
    var eids = [];
    (incident[id] || []).forEach(function (e) { near.add(e.from); near.add(e.to); eids.push(e.id); });
    api.highlighted = id;
    nearNodes = Array.from(near);
    nearEdges = eids;
    network.redraw();
  }

  network.on("afterDrawing", function (ctx) {
    if (api.highlighted === null) return;
    var tl = network.DOMtoCanvas({ x: -20, y: -20 });
    var br = network.DOMtoCanvas({ x: container.clientWidth + 20, y: container.clientHeight + 20 });
    ctx.save();
    ctx.fillStyle = "rgba(255, 255, 255, 0.85)";
    ctx.fillRect(tl.x, tl.y, br.x - tl.x, br.y - tl.y);
    ctx.restore();
    var body = network.body;
    nearEdges.forEach(function (eid) {
      var e = body.edges[eid];
      if (e && e.connected) { e.draw(ctx); e.drawArrows(ctx); }
    });
    var labels = [];
    nearNodes.forEach(function (nid) {
      var n = body.nodes[nid];
      if (n && !hiddenClasses.has(info[String(nid)].type)) {
        var r = n.draw(ctx);
        if (r && r.drawExternalLabel) labels.push(r.drawExternalLabel);
      }
    });
    labels.forEach(function (draw) { draw(); });
  });

  // ---- side panel ---------------------------------------------------------------------
  var details = document.getElementById("kg-details");
  function articleName(id) {
    var name = articles[id] ? articles[id] + " (" + id + ")" : id;
    return articleDates[id] ? articleDates[id] + " · " + name : name;
  }
  function dateInRange(day) {
    return !day || ((!range.from || day >= range.from) && (!range.to || day <= range.to));
  }

  // ---- timeline (inline SVG) and keyword-in-context list of a formulation ----------------
  function months(first, last) {
    var out = [], y = Number(first.slice(0, 4)), m = Number(first.slice(5, 7));
    var ly = Number(last.slice(0, 4)), lm = Number(last.slice(5, 7));
    while (y < ly || (y === ly && m <= lm)) {
      out.push(y + "-" + (m < 10 ? "0" : "") + m);
      m += 1; if (m > 12) { m = 1; y += 1; }
    }
    return out;
  }
  function timelineSvg(counts) {
    var lo = (range.from || (meta.range ? meta.range[0] : "")).slice(0, 7);
    var hi = (range.to || (meta.range ? meta.range[1] : "")).slice(0, 7);
    var keys = Object.keys(counts).sort();
    if (!lo) lo = keys[0];
    if (!hi) hi = keys[keys.length - 1];
    var ms = lo && hi && lo <= hi ? months(lo, hi) : [];
    var W = 310, H = 90, pad = 14;
    var svg = document.createElementNS(SVG_NS, "svg");
    svg.setAttribute("viewBox", "0 0 " + W + " " + (H + 14));
    svg.setAttribute("class", "kg-timeline");
    svg.setAttribute("role", "img");
    var max = 1;
    ms.forEach(function (k) { max = Math.max(max, counts[k] || 0); });
    var bw = ms.length ? (W - pad) / ms.length : 0;
    ms.forEach(function (k, i) {
      var v = counts[k] || 0;
      if (!v) return;
      var h = Math.max(1, Math.round((H - 4) * v / max));
      var r = document.createElementNS(SVG_NS, "rect");
      r.setAttribute("class", "bar");
      r.setAttribute("x", String(pad + i * bw)); r.setAttribute("width", String(Math.max(1, bw - 1)));
      r.setAttribute("y", String(H - h)); r.setAttribute("height", String(h));
      var t = document.createElementNS(SVG_NS, "title");
      t.textContent = k + ": " + v;
      r.appendChild(t);
      svg.appendChild(r);
    });
    function text(x, y, s, anchor) {
      var t = document.createElementNS(SVG_NS, "text");
      t.setAttribute("x", String(x)); t.setAttribute("y", String(y));
      if (anchor) t.setAttribute("text-anchor", anchor);
      t.textContent = s;
      svg.appendChild(t);
    }
    text(0, 9, String(max));
    text(0, H, "0");
    if (ms.length) { text(pad, H + 12, ms[0]); text(W, H + 12, ms[ms.length - 1], "end"); }
    var axis = document.createElementNS(SVG_NS, "line");
    axis.setAttribute("x1", String(pad)); axis.setAttribute("x2", String(W));
    axis.setAttribute("y1", String(H)); axis.setAttribute("y2", String(H));
    axis.setAttribute("stroke", "#999999");
    svg.appendChild(axis);
    return svg;
  }
  var kwicSort = "date";
  function kwicList(id) {
    var k = kwic[String(id)];
    var box = el("div");
    if (!k || !k.rows.length) return box;
    var sorter = el("div", "排序 sort: ", "kg-sort");
    var ul = el("ul", null, "kg-kwic");
    function render() {
      ul.replaceChildren();
      var rows = k.rows.filter(function (r) { return dateInRange(r[0]); });
      rows.sort(function (a, b) {
        var x = kwicSort === "org" ? [a[2] || "\uffff", a[0]] : [a[0] || "9999", a[2]];
        var y = kwicSort === "org" ? [b[2] || "\uffff", b[0]] : [b[0] || "9999", b[2]];
        return x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0;
      });
      rows.forEach(function (r) {
        var li = el("li");
        li.appendChild(el("span", r[3]));
        li.appendChild(el("mark", r[4]));
        li.appendChild(el("span", r[5]));
        li.appendChild(el("div", [r[0] || "undated", r[2] || "—", articles[r[1]] ? articles[r[1]] + " (" + r[1] + ")" : r[1]].join(" · "), "kg-src"));
        ul.appendChild(li);
      });
      if (k.more > 0) ul.appendChild(el("li", "… +" + k.more + " more", "kg-src"));
    }
    [["date", "日期 date"], ["org", "机构 organization"]].forEach(function (opt) {
      var b = el("button", opt[1]);
      b.type = "button";
      b.dataset.sort = opt[0];
      if (opt[0] === kwicSort) b.className = "active";
      b.addEventListener("click", function () {
        kwicSort = opt[0];
        Array.prototype.forEach.call(sorter.querySelectorAll("button"), function (x) { x.className = x === b ? "active" : ""; });
        render();
      });
      sorter.appendChild(b);
    });
    render();
    box.appendChild(sorter);
    box.appendChild(ul);
    return box;
  }

  function chips(title, values) {
    if (!values || !values.length) return;
    details.appendChild(el("h2", title));
    var box = el("div");
    values.forEach(function (v) { box.appendChild(el("span", v, "kg-chip")); });
    details.appendChild(box);
  }

  function showDetails(id) {
    var d = info[String(id)];
    details.replaceChildren();
    if (!d) { details.hidden = true; return; }
    details.hidden = false;
    var cls = classByName[d.type] || { zh: d.type };
    details.appendChild(el("h2", d.label, "kg-entity"));
    details.appendChild(el("div", cls.zh + " · " + d.type +
      (d.subtypes.length ? " · " + d.subtypes.join(", ") : ""), "kg-meta"));
    if (d.label_en) details.appendChild(el("div", d.label_en, "kg-meta"));
    details.appendChild(el("div", "提及 mentions: " + d.count + " · 文章 articles: " + (d.n_articles || d.articles.length), "kg-meta"));
    var sp = spans[String(id)];
    if (sp && d.type !== "Article") details.appendChild(el("div", "首见 first " + sp[0] + " · 最近 last " + sp[1], "kg-meta"));
    if (d.date || d.source) details.appendChild(el("div", [d.date, d.source].filter(Boolean).join(" · "), "kg-meta"));
    details.appendChild(el("div", d.iri, "kg-meta"));
    chips("别名 Aliases", d.aliases);
    if (series[String(id)] && Object.keys(series[String(id)]).length) {
      details.appendChild(el("h2", "时间线 Timeline (articles per month)"));
      var tl = timelineSvg(series[String(id)]);
      tl.id = "kg-timeline";
      details.appendChild(tl);
    }
    if (kwic[String(id)] && kwic[String(id)].rows.length) {
      details.appendChild(el("h2", "语境 Keyword in context"));
      var kw = kwicList(id);
      kw.id = "kg-kwic";
      details.appendChild(kw);
    }
    if (d.articles.length) {
      details.appendChild(el("h2", "来源文章 Articles" + (d.n_articles ? " (" + d.articles.length + " / " + d.n_articles + ")" : "")));
      var ul = el("ul", null, "kg-list");
      d.articles.forEach(function (a) {
        if (!dateInRange(articleDates[a])) return;
        var li = el("li");
        if (articleDates[a]) li.appendChild(el("span", articleDates[a], "kg-date"));
        li.appendChild(el("span", articles[a] ? articles[a] + " (" + a + ")" : a));
        ul.appendChild(li);
      });
      details.appendChild(ul);
    }
    var list = (incident[id] || []).slice();
    if (list.length) {
      details.appendChild(el("h2", "关系与证据 Relations & evidence (" + list.length + ")"));
      list.slice(0, MAX_PANEL_EDGES).forEach(function (e) { details.appendChild(edgeBlock(id, e)); });
      if (list.length > MAX_PANEL_EDGES) {
        details.appendChild(el("div", "… +" + (list.length - MAX_PANEL_EDGES) + " more", "kg-meta"));
      }
    }
    var clear = el("button", "清除选择 clear selection");
    clear.id = "kg-clear";
    clear.addEventListener("click", function () { network.unselectAll(); clearHighlight(); details.hidden = true; });
    details.appendChild(clear);
  }

  function edgeBlock(id, e) {
    var block = el("div", null, "kg-edge");
    var outgoing = e.from === id;
    var other = outgoing ? e.to : e.from;
    var rel = relByName[e.rel] || { zh: e.rel, color: "#777777" };
    var head = el("div");
    head.appendChild(el("span", outgoing ? "→ " : "← "));
    var relSpan = el("span", e.rel + " " + rel.zh + " ", "kg-rel");
    relSpan.style.color = rel.color;
    head.appendChild(relSpan);
    var otherInfo = info[String(other)];
    var btn = el("button", otherInfo ? otherInfo.label : String(other));
    btn.addEventListener("click", function () { focusNode(other, true); });
    head.appendChild(btn);
    block.appendChild(head);
    var ev = evidence[String(e.id)];
    if (ev) {
      var ul = el("ul", null, "kg-evidence");
      ev.items.forEach(function (item) {
        var li = el("li", item[1]);
        li.appendChild(el("div", articleName(item[0]) + (item[2] ? " · rule " + item[2] : ""), "kg-src"));
        ul.appendChild(li);
      });
      if (ev.more > 0) ul.appendChild(el("li", "… +" + ev.more + " more", "kg-src"));
      block.appendChild(ul);
    }
    return block;
  }

  // ---- selection ----------------------------------------------------------------------
  function focusNode(id, animate) {
    var d = info[String(id)];
    if (!d) return false;
    if (hiddenClasses.has(d.type)) setClassVisible(d.type, true);
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0),
      animation: animate ? { duration: 350, easingFunction: "easeInOutQuad" } : false });
    highlight(id);
    showDetails(id);
    return true;
  }

  network.on("click", function (params) {
    if (params.nodes.length) {
      highlight(params.nodes[0]);
      showDetails(params.nodes[0]);
    } else if (!params.edges.length) {
      clearHighlight();
      details.hidden = true;
    }
  });

  // ---- search ------------------------------------------------------------------------
  var QUOTES = /[\s“”‘’"'「」『』《》]/g;
  function norm(s) { return String(s).normalize("NFKC").replace(QUOTES, "").toLowerCase(); }
  var index = Object.keys(info).map(function (key) {
    var d = info[key];
    var names = [d.label].concat(d.aliases);
    if (d.article_id) names.push(d.article_id);
    if (d.label_en) names.push(d.label_en);
    return { id: Number(key), label: d.label, count: d.count, names: names.map(norm), raw: names };
  });

  var hiddenIndex = hidden.map(function (h, i) { return { id: "h" + i, label: h[0], count: h[2], name: norm(h[0]) }; });
  function search(query) {
    var q = norm(query);
    if (!q) return [];
    var hits = [];
    hiddenIndex.forEach(function (h) {
      var rank = h.name === q ? 4 : h.name.indexOf(q) >= 0 ? 5 : 9;
      if (rank < 9) hits.push({ id: h.id, rank: rank, count: h.count, label: h.label, via: h.label });
    });
    index.forEach(function (entry) {
      var best = 9, via = null;
      entry.names.forEach(function (n, i) {
        var rank = n === q ? (i === 0 ? 0 : 1) : n.indexOf(q) === 0 ? 2 : n.indexOf(q) > 0 ? 3 : 9;
        if (rank < best) { best = rank; via = entry.raw[i]; }
      });
      if (best < 9) hits.push({ id: entry.id, rank: best, count: entry.count, label: entry.label, via: via });
    });
    hits.sort(function (a, b) {
      return a.rank - b.rank || b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : a.id - b.id);
    });
    return hits;
  }

  var input = document.getElementById("kg-search");
  var results = document.getElementById("kg-results");
  var current = [];
  function renderResults() {
    results.replaceChildren();
    current = search(input.value).slice(0, MAX_RESULTS);
    current.forEach(function (hit, i) {
      var li = el("li");
      li.setAttribute("role", "option");
      if (i === 0) li.className = "active";
      li.appendChild(el("span", hit.label));
      var d = info[String(hit.id)] || { type: hidden[Number(String(hit.id).slice(1))][1] };
      var hint = (classByName[d.type] || { zh: d.type }).zh + (hit.via !== hit.label ? " · " + hit.via : "") +
        (info[String(hit.id)] ? "" : " · 未绘出 not drawn");
      li.appendChild(el("span", hint, "kg-hint"));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(hit.id); });
      results.appendChild(li);
    });
    if (!current.length && input.value.trim()) results.appendChild(el("li", "无结果 no match", "kg-hint"));
    results.hidden = !input.value.trim();
  }
  function showHidden(id) {
    var h = hidden[Number(String(id).slice(1))];
    details.replaceChildren();
    details.hidden = false;
    details.appendChild(el("h2", h[0], "kg-entity"));
    details.appendChild(el("div", ((classByName[h[1]] || { zh: h[1] }).zh) + " · " + h[1], "kg-meta"));
    details.appendChild(el("div", "提及 mentions: " + h[2] + " · 文章 articles: " + h[3], "kg-meta"));
    if (h[4]) details.appendChild(el("div", "首见 first " + h[4] + " · 最近 last " + h[5], "kg-meta"));
    details.appendChild(el("div", "not drawn in this overview: kg show DIR --focus " + h[0], "kg-meta"));
  }
  function choose(id) {
    results.hidden = true;
    if (String(id).charAt(0) === "h") showHidden(id); else focusNode(id, true);
  }
  input.addEventListener("input", renderResults);
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { if (current.length) choose(current[0].id); ev.preventDefault(); }
    if (ev.key === "Escape") { results.hidden = true; }
  });
  input.addEventListener("blur", function () { results.hidden = true; });

  // ---- legend + filters ---------------------------------------------------------------------
  function swatch(shape, color, dashed) {
    var svg = document.createElementNS(SVG_NS, "svg");
    svg.setAttribute("width", "16"); svg.setAttribute("height", "16"); svg.setAttribute("viewBox", "0 0 16 16");
    var s;
    var pts = {
      diamond: "8,1 15,8 8,15 1,8", triangle: "8,1 15,14 1,14", triangleDown: "1,2 15,2 8,15",
      hexagon: "4,1.5 12,1.5 15.5,8 12,14.5 4,14.5 0.5,8",
      star: "8,0.5 10.2,5.6 15.6,5.8 11.4,9.3 12.8,14.6 8,11.6 3.2,14.6 4.6,9.3 0.4,5.8 5.8,5.6"
    };
    if (shape === "line") {
      s = document.createElementNS(SVG_NS, "line");
      s.setAttribute("x1", "1"); s.setAttribute("y1", "8"); s.setAttribute("x2", "15"); s.setAttribute("y2", "8");
      s.setAttribute("stroke", color); s.setAttribute("stroke-width", "3");
      if (dashed) s.setAttribute("stroke-dasharray", "3,2");
    } else if (pts[shape]) {
      s = document.createElementNS(SVG_NS, "polygon");
      s.setAttribute("points", pts[shape]);
    } else if (shape === "square" || shape === "box") {
      s = document.createElementNS(SVG_NS, "rect");
      s.setAttribute("x", "2"); s.setAttribute("y", shape === "box" ? "4" : "2");
      s.setAttribute("width", "12"); s.setAttribute("height", shape === "box" ? "8" : "12");
      s.setAttribute("rx", shape === "box" ? "2" : "0");
    } else {
      s = document.createElementNS(SVG_NS, "circle");
      s.setAttribute("cx", "8"); s.setAttribute("cy", "8"); s.setAttribute("r", "6.5");
    }
    if (shape !== "line") { s.setAttribute("fill", color); s.setAttribute("stroke", "#555555"); }
    svg.appendChild(s);
    return svg;
  }

  function legendItem(kind, item, onToggle) {
    var li = el("li");
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.dataset[kind] = item.name;
    box.addEventListener("change", function () { onToggle(item.name, box.checked); });
    label.appendChild(box);
    label.appendChild(kind === "cls" ? swatch(item.shape, item.color) : swatch("line", item.color, item.dashes));
    label.appendChild(el("span", item.zh));
    label.appendChild(el("span", item.name, "kg-en"));
    label.appendChild(el("span", String(item.count), "kg-count"));
    li.appendChild(label);
    return li;
  }

  function setClassVisible(name, visible) {
    if (visible) hiddenClasses.delete(name); else hiddenClasses.add(name);
    var box = document.querySelector('input[data-cls="' + CSS.escape(name) + '"]');
    if (box) box.checked = visible;
    nodeView.refresh();
  }
  function setRelationVisible(name, visible) {
    if (visible) hiddenRelations.delete(name); else hiddenRelations.add(name);
    var box = document.querySelector('input[data-rel="' + CSS.escape(name) + '"]');
    if (box) box.checked = visible;
    edgeView.refresh();
  }

  var classList = document.getElementById("kg-classes");
  payload.classes.forEach(function (c) { classList.appendChild(legendItem("cls", c, setClassVisible)); });
  var relList = document.getElementById("kg-relations");
  payload.relations.forEach(function (r) { relList.appendChild(legendItem("rel", r, setRelationVisible)); });

  // header counts follow the class, relation and date filters
  function updateStats() {
    var visible = new Set(nodeView.getIds());
    var nEdges = 0;
    edgeView.get().forEach(function (e) { if (visible.has(e.from) && visible.has(e.to)) nEdges += 1; });
    var stats = visible.size + " 节点 nodes · " + nEdges + " 关系 edges";
    if (visible.size !== meta.nodes_shown || nEdges !== meta.edges_shown) stats += " (of " + meta.nodes_shown + " / " + meta.edges_shown + ")";
    if (meta.view === "corpus") stats += " · 概览 overview: formulations × organizations; " + meta.nodes_omitted + " more by search";
    else if (meta.nodes_omitted) stats += " (省略 omitted " + meta.nodes_omitted + " nodes, " +
      (meta.edges_total - meta.edges_shown) + " edges)";
    document.getElementById("kg-stats").textContent = stats;
    api.stats = { nodes: visible.size, edges: nEdges };
  }
  nodeView.on("*", updateStats);
  edgeView.on("*", updateStats);
  updateStats();

  var rangeBox = document.getElementById("kg-range");
  var fromInput = document.getElementById("kg-from");
  var toInput = document.getElementById("kg-to");
  function setRange(from, to) {
    range.from = from || ""; range.to = to || "";
    fromInput.value = range.from; toInput.value = range.to;
    nodeView.refresh();
    updateStats();
    var sel = network.getSelectedNodes();
    if (sel.length) showDetails(sel[0]);
  }
  if (meta.range) {
    rangeBox.hidden = false;
    fromInput.min = toInput.min = meta.range[0];
    fromInput.max = toInput.max = meta.range[1];
    fromInput.addEventListener("change", function () { setRange(fromInput.value, toInput.value); });
    toInput.addEventListener("change", function () { setRange(fromInput.value, toInput.value); });
    document.getElementById("kg-range-reset").addEventListener("click", function () { setRange("", ""); });
  }
  api.setRange = setRange;

  api.network = network;
  api.nodes = nodes;
  api.edges = edges;
  api.search = function (q) { return search(q).map(function (h) { return h.id; }); };
  api.focusNode = function (id) { return focusNode(id, false); };
  api.focusByName = function (q) { var h = search(q); return h.length ? (focusNode(h[0].id, false), h[0].id) : null; };
  api.setClassVisible = setClassVisible;
  api.setRelationVisible = setRelationVisible;
  api.visibleNodeIds = function () { return nodeView.getIds(); };
  api.visibleEdgeIds = function () { return edgeView.getIds(); };
  api.selected = function () { return network.getSelectedNodes(); };
  api.info = info;
})();
