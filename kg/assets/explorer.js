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
    e.color = { color: r.color, highlight: r.color, hover: r.color };
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
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return !hiddenClasses.has(n.group); } });
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
    return articles[id] ? articles[id] + " (" + id + ")" : id;
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
    details.appendChild(el("div", "提及 mentions: " + d.count + " · 文章 articles: " + d.articles.length, "kg-meta"));
    if (d.date || d.source) details.appendChild(el("div", [d.date, d.source].filter(Boolean).join(" · "), "kg-meta"));
    details.appendChild(el("div", d.iri, "kg-meta"));
    chips("别名 Aliases", d.aliases);
    if (d.articles.length) {
      details.appendChild(el("h2", "来源文章 Articles"));
      var ul = el("ul", null, "kg-list");
      d.articles.forEach(function (a) { ul.appendChild(el("li", articleName(a))); });
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

  function search(query) {
    var q = norm(query);
    if (!q) return [];
    var hits = [];
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
      var d = info[String(hit.id)];
      var hint = (classByName[d.type] || { zh: d.type }).zh + (hit.via !== hit.label ? " · " + hit.via : "");
      li.appendChild(el("span", hint, "kg-hint"));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(hit.id); });
      results.appendChild(li);
    });
    if (!current.length && input.value.trim()) results.appendChild(el("li", "无结果 no match", "kg-hint"));
    results.hidden = !input.value.trim();
  }
  function choose(id) {
    results.hidden = true;
    focusNode(id, true);
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

  var stats = meta.nodes_shown + " 节点 nodes · " + meta.edges_shown + " 关系 edges";
  if (meta.nodes_omitted) stats += " (省略 omitted " + meta.nodes_omitted + " nodes, " +
    (meta.edges_total - meta.edges_shown) + " edges)";
  document.getElementById("kg-stats").textContent = stats;

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
