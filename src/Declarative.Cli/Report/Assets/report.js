// decl report: draws the embedded report/v1 data (docs/report.md). Values only ever reach the page as text nodes
// and attributes, never as markup.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var SVG = "http://www.w3.org/2000/svg";
  var NODE_W = 230, NODE_H = 38, COL_W = 300, ROW_H = 50, PAD = 20;
  // Above this many objects the graph opens with its larger groups collapsed; every group can be opened.
  var COLLAPSE_ABOVE = 120, SMALL_GROUP = 4;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    setAll(node, attrs);
    append(node, children);
    return node;
  }
  function svg(tag, attrs, children) {
    var node = document.createElementNS(SVG, tag);
    setAll(node, attrs);
    append(node, children);
    return node;
  }
  function setAll(node, attrs) {
    for (var key in attrs || {}) {
      if (attrs[key] === null || attrs[key] === undefined) continue;
      if (key === "text") node.textContent = attrs[key];
      else if (key === "onclick") node.addEventListener("click", attrs[key]);
      else node.setAttribute(key, attrs[key]);
    }
  }
  function append(node, children) {
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
  }
  function pill(word) { return el("span", { "class": "pill " + word, text: word }); }
  function value(v) { return v === null || v === undefined ? "null" : JSON.stringify(v); }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  var nodes = data.nodes;
  var byId = {};
  nodes.forEach(function (n) {
    n.groupKey = (n.namespace || (n.provider === "docker" ? "(docker)" : "(cluster)")) + " \u00b7 " + n.kind + (n.module ? " \u00b7 module." + n.module : "");
    n.search = [n.address, n.kind, n.namespace || "", n.state, n.action || "", n.drift || ""].join(" ").toLowerCase();
    byId[n.id] = n;
  });
  var groups = {};
  nodes.forEach(function (n) { (groups[n.groupKey] = groups[n.groupKey] || []).push(n); });
  var groupKeys = Object.keys(groups).sort();
  var collapsed = {};
  if (nodes.length > COLLAPSE_ABOVE) {
    groupKeys.forEach(function (k) { if (groups[k].length > SMALL_GROUP) collapsed[k] = true; });
  }
  var query = "";

  // ---- header and notices ----
  var newest = data.newestRevision;
  document.getElementById("summary").textContent =
    plural(nodes.length, "object") + ", " + plural(data.edges.length, "edge") + " \u00b7 " +
    (newest ? "newest revision " + newest.revision + " (" + newest.status + ")" : "no revision yet") + " \u00b7 " +
    (data.plan ? (data.plan.hasChanges ? "the plan has changes" : "no changes planned") : "no plan") + " \u00b7 " +
    (data.drift ? (data.drift.revision === null ? "no revision to check drift against" : data.drift.drift ? "drift found" : "no drift") : "drift not checked");
  var notices = document.getElementById("notices");
  function notice(text, ok) { notices.appendChild(el("p", { "class": ok ? "notice ok" : "notice", text: text })); }
  if (data.problems.graph) notice(data.problems.graph);
  if (data.problems.plan) notice((data.plan ? "Plan: " : "No plan: ") + data.problems.plan);
  if (data.problems.drift) notice("No drift check: " + data.problems.drift);
  if (data.problems.plan && data.problems.drift) notice("The live systems could not be read: nodes are coloured by their state in the newest revision only, without plan actions or drift.");
  document.getElementById("footer").textContent = "Generated " + data.generatedAt + " by decl " + data.declarativeVersion +
    " for project " + data.project + ", environment " + data.environment + ". Graph from the " +
    (data.graphSource === "manifests" ? "manifests" : data.graphSource === "revision" ? "newest revision (the manifests did not load)" : "nothing: no manifests, no revision") + ".";

  // ---- legend ----
  var legend = document.getElementById("legend");
  [["deployed", "#dafbe1", "#2da44e", "in the newest revision (deployed)"], ["failed", "#ffebe9", "#cf222e", "in a failed revision"],
   ["pending", "#fff8c5", "#bf8700", "in a pending revision"], ["not-applied", "#fff", "#8c959f", "not in the newest revision"],
   ["changed", "#fff", "#e16f24", "drift: changed live"], ["deleted", "#fff", "#cf222e", "drift: deleted live"],
   ["unmanaged", "#fff", "#8250df", "drift: unmanaged"]].forEach(function (item) {
    legend.appendChild(el("span", {}, [el("span", { "class": "swatch", style: "background:" + item[1] + ";border-color:" + item[2] }), item[3]]));
  });
  legend.appendChild(el("span", { text: "+ create, ~ update, \u00b1 replace, \u2212 delete (the plan) \u00b7 arrows run from a dependency to what depends on it; hover an edge for its reason" }));

  // ---- graph ----
  var groupBar = document.getElementById("group-bar");
  function drawGroupBar() {
    groupBar.textContent = "";
    groupBar.appendChild(el("button", { type: "button", text: "Expand all", onclick: function () { collapsed = {}; redraw(); } }));
    groupBar.appendChild(el("button", { type: "button", text: "Collapse all", onclick: function () { groupKeys.forEach(function (k) { collapsed[k] = true; }); redraw(); } }));
    groupKeys.forEach(function (key) {
      var members = groups[key];
      var hits = members.filter(matches).length;
      groupBar.appendChild(el("button", {
        type: "button", "class": (collapsed[key] ? "collapsed" : "") + (query && hits === 0 ? " dim" : ""), "data-group": key,
        title: collapsed[key] ? "Collapsed: click to draw each object" : "Click to draw as one node",
        text: (collapsed[key] ? "\u25b8 " : "\u25be ") + key + " (" + (query ? hits + "/" : "") + members.length + ")",
        onclick: function () { collapsed[key] = !collapsed[key]; redraw(); }
      }));
    });
  }
  function matches(n) { return !query || n.search.indexOf(query) >= 0; }
  function visibleId(n) { return collapsed[n.groupKey] ? "g:" + n.groupKey : "n:" + n.id; }

  function layout() {
    var vnodes = {}, order = [];
    nodes.forEach(function (n) {
      var id = visibleId(n);
      if (!vnodes[id]) { vnodes[id] = { id: id, members: [], deps: {}, dependents: {} }; order.push(id); }
      vnodes[id].members.push(n);
    });
    var vedges = {};
    data.edges.forEach(function (e) {
      var from = visibleId(byId[e.from]), to = visibleId(byId[e.to]);
      if (from === to) return;
      var key = to + "\u2192" + from;
      if (!vedges[key]) vedges[key] = { from: from, to: to, edges: [] };
      vedges[key].edges.push(e);
      vnodes[from].deps[to] = true;
      vnodes[to].dependents[from] = true;
    });
    // Layer = the longest chain of dependencies below a node; a cycle (only ever between collapsed groups) is cut.
    var layer = {}, visiting = {};
    function depth(id) {
      if (layer[id] !== undefined) return layer[id];
      if (visiting[id]) return 0;
      visiting[id] = true;
      var d = 0;
      Object.keys(vnodes[id].deps).forEach(function (dep) { d = Math.max(d, depth(dep) + 1); });
      visiting[id] = false;
      return (layer[id] = d);
    }
    var columns = [];
    order.forEach(function (id) { var d = depth(id); (columns[d] = columns[d] || []).push(id); });
    function label(id) { var v = vnodes[id]; return v.members[0].groupKey + "\u0000" + (v.members.length > 1 ? "" : v.members[0].name); }
    columns.forEach(function (c) { c.sort(function (a, b) { return label(a) < label(b) ? -1 : label(a) > label(b) ? 1 : 0; }); });
    // Two barycentre sweeps keep a node near what it depends on, which shortens most edges.
    var position = {};
    function place(c) { c.forEach(function (id, i) { position[id] = i; }); }
    columns.forEach(place);
    for (var sweep = 0; sweep < 2; sweep++) {
      for (var i = 1; i < columns.length; i++) {
        var centre = {};
        columns[i].forEach(function (id) {
          var deps = Object.keys(vnodes[id].deps).filter(function (d) { return layer[d] === i - 1; });
          centre[id] = deps.length ? deps.reduce(function (s, d) { return s + position[d]; }, 0) / deps.length : position[id];
        });
        columns[i].sort(function (a, b) { return centre[a] - centre[b] || (label(a) < label(b) ? -1 : 1); });
        place(columns[i]);
      }
    }
    var tallest = 0;
    columns.forEach(function (c, x) {
      c.forEach(function (id, y) { vnodes[id].x = PAD + x * COL_W; vnodes[id].y = PAD + y * ROW_H; vnodes[id].layer = x; });
      tallest = Math.max(tallest, c.length);
    });
    return { vnodes: vnodes, order: order, vedges: Object.keys(vedges).map(function (k) { return vedges[k]; }),
      width: PAD * 2 + Math.max(1, columns.length) * COL_W - (COL_W - NODE_W), height: PAD * 2 + Math.max(1, tallest) * ROW_H };
  }

  var SYMBOL = { create: "+", update: "~", replace: "\u00b1", "delete": "\u2212", release: "." };
  function clip(text, max) { return text.length > max ? text.slice(0, max - 1) + "\u2026" : text; }

  function drawGraph() {
    var graph = document.getElementById("graph");
    graph.textContent = "";
    if (nodes.length === 0) { graph.appendChild(el("p", { "class": "muted", style: "padding:10px", text: "No objects: the manifests hold none and no revision was applied." })); return; }
    var g = layout();
    var root = svg("svg", { id: "graph-svg", width: g.width, height: g.height, viewBox: "0 0 " + g.width + " " + g.height, role: "img", "aria-label": "Dependency graph" });
    root.appendChild(svg("defs", {}, [svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" }, [svg("path", { d: "M0,0 L10,5 L0,10 z", fill: "#8c959f" })])]));
    var edgeLayer = svg("g", { "class": "edges" });
    root.appendChild(edgeLayer);
    g.vedges.forEach(function (ve) {
      var a = g.vnodes[ve.to], b = g.vnodes[ve.from];
      var x1 = a.x + NODE_W, y1 = a.y + NODE_H / 2, x2 = b.x, y2 = b.y + NODE_H / 2;
      if (x2 <= x1) { x1 = a.x + NODE_W / 2; x2 = b.x + NODE_W / 2; y1 = a.y + NODE_H; y2 = b.y; }
      var mid = (x1 + x2) / 2;
      var d = x2 > x1 ? "M" + x1 + "," + y1 + " C" + mid + "," + y1 + " " + mid + "," + y2 + " " + x2 + "," + y2 : "M" + x1 + "," + y1 + " L" + x2 + "," + y2;
      if (b.layer - a.layer > 1) {
        // An edge that skips a column runs along the gap above its dependency's row, not under the nodes between.
        var gy = a.y - (ROW_H - NODE_H) / 2;
        d = "M" + x1 + "," + y1 + " C" + (x1 + 30) + "," + y1 + " " + (x1 + 10) + "," + gy + " " + (x1 + 40) + "," + gy +
          " L" + (x2 - 40) + "," + gy + " C" + (x2 - 10) + "," + gy + " " + (x2 - 30) + "," + y2 + " " + x2 + "," + y2;
      }
      var first = ve.edges[0];
      var title = ve.edges.length === 1
        ? byId[first.from].address + " depends on " + byId[first.to].address + ": " + first.reason + " (" + first.kind + ")"
        : ve.edges.length + " edges:\n" + ve.edges.slice(0, 12).map(function (e) { return byId[e.from].address + " \u2192 " + byId[e.to].address + ": " + e.reason; }).join("\n") + (ve.edges.length > 12 ? "\n\u2026" : "");
      var lit = !query || ve.edges.some(function (e) { return matches(byId[e.from]) || matches(byId[e.to]); });
      edgeLayer.appendChild(svg("g", {
        "class": "edge edge-" + first.kind + (lit ? "" : " dim"),
        "data-from": byId[first.from].address, "data-to": byId[first.to].address, "data-reason": first.reason, "data-count": ve.edges.length
      }, [svg("title", { text: title }), svg("path", { "class": "hit", d: d }), svg("path", { "class": "line", d: d, "marker-end": "url(#arrow)" })]));
    });
    var nodeLayer = svg("g", { "class": "nodes" });
    root.appendChild(nodeLayer);
    g.order.forEach(function (id) {
      var v = g.vnodes[id];
      var group = id.indexOf("g:") === 0;
      var hits = v.members.filter(matches).length;
      var n = v.members[0];
      var cls, title, line1, line2, badge = "";
      if (group) {
        var worst = v.members.filter(function (m) { return m.drift; })[0];
        cls = "node group state-" + n.state + (worst ? " drift-" + worst.drift : "");
        line1 = (n.namespace || (n.provider === "docker" ? "docker" : "cluster-scoped")) + " \u00b7 " + v.members.length + " objects";
        line2 = n.kind + " \u00d7" + v.members.length + (query ? " (" + hits + " match)" : "");
        var actions = v.members.filter(function (m) { return m.action && m.action !== "no-op"; }).length;
        badge = actions ? String(actions) : "";
        title = v.members.length + " " + n.kind + " objects in " + n.groupKey + " (click to draw each):\n" +
          v.members.slice(0, 20).map(function (m) { return m.address + " [" + m.state + (m.action ? ", " + m.action : "") + (m.drift ? ", drift " + m.drift : "") + "]"; }).join("\n") + (v.members.length > 20 ? "\n\u2026" : "");
      } else {
        cls = "node state-" + n.state + (n.drift ? " drift-" + n.drift : "") + (n.action ? " action-" + n.action : "");
        line1 = n.kind + (n.namespace ? " \u00b7 " + n.namespace : "");
        line2 = n.name;
        badge = SYMBOL[n.action] || "";
        title = n.address + "\nstate: " + n.state + (newest && n.state !== "not-applied" ? " (revision " + newest.revision + ")" : "") +
          "\nplan: " + (n.action || "unknown") + "\ndrift: " + (n.drift || (data.drift ? "none" : "not checked"));
      }
      if (query && hits === 0) cls += " dim"; else if (query) cls += " hit";
      var node = svg("g", { "class": cls, transform: "translate(" + v.x + "," + v.y + ")", "data-address": group ? null : n.address, "data-group": group ? n.groupKey : null },
        [svg("title", { text: title }), svg("rect", { width: NODE_W, height: NODE_H, rx: 5 }),
         svg("text", { "class": "kind", x: 8, y: 14, text: clip(line1, 38) }), svg("text", { x: 8, y: 30, text: clip(line2, 31) }),
         svg("text", { "class": "badge", x: NODE_W - 8, y: 24, "text-anchor": "end", text: badge })]);
      if (group) node.addEventListener("click", function () { collapsed[n.groupKey] = false; redraw(); });
      nodeLayer.appendChild(node);
    });
    graph.appendChild(root);
  }

  // ---- tables ----
  function searchable(row, text) { row.setAttribute("data-search", text.toLowerCase()); return row; }
  function table(headers, rows) {
    return el("table", {}, [el("thead", {}, [el("tr", {}, headers.map(function (h) { return el("th", { text: h }); }))]), el("tbody", {}, rows)]);
  }
  function diffText(d) {
    if (d.sensitive) return d.path + ": (sensitive)";
    if (d.kind === "added") return d.path + ": " + (d.unknown ? "(known after apply)" : value(d.after));
    if (d.kind === "removed") return d.path + ": " + value(d.before) + " \u2192 (removed)";
    return d.path + ": " + value(d.before) + " \u2192 " + (d.unknown ? "(known after apply)" : value(d.after)) + (d.drift ? " (drifted" + (d.takenFrom ? ", set by " + d.takenFrom : "") + ")" : "");
  }
  function fieldList(lines) {
    if (lines.length === 0) return "";
    var shown = lines.slice(0, 30).map(function (l) { return el("li", { "class": "mono", text: l }); });
    if (lines.length > 30) shown.push(el("li", { "class": "muted", text: "\u2026 " + (lines.length - 30) + " more" }));
    return el("ul", { "class": "fields" }, shown);
  }

  function drawPlan() {
    var box = document.getElementById("plan");
    var plan = data.plan;
    if (!plan) { box.appendChild(el("p", { "class": "muted", text: data.problems.plan ? "Not planned: " + data.problems.plan : "Not planned." })); return; }
    var s = plan.summary;
    if (!plan.hasChanges) { box.appendChild(el("p", { "class": "notice ok", text: "No changes. The live systems match the manifests (" + plural(s.noOp, "object") + " unchanged)." })); return; }
    box.appendChild(el("p", { text: "Plan against " + (plan.baseRevision === null ? "no revision" : "revision " + plan.baseRevision) + ": " + s.create + " to create, " + s.update + " to update, " + s.replace + " to replace, " + s["delete"] + " to delete" + (s.release ? ", " + s.release + " to release" : "") + ", " + s.noOp + " unchanged." }));
    var rows = plan.resources.filter(function (r) { return r.action !== "no-op"; }).map(function (r) {
      var lines = r.diffs.map(diffText).concat((r.notes || []).map(function (n) { return "# " + (n.path ? n.path + ": " : "") + n.text; }));
      if (r.replaceReason) lines.unshift("replaced because " + r.replaceReason);
      return searchable(el("tr", { "data-address": r.address }, [el("td", {}, [pill(r.verb || r.action)]), el("td", { "class": "mono", text: r.address }), el("td", {}, [fieldList(lines)])]),
        r.address + " " + r.action + " " + r.kind);
    });
    box.appendChild(table(["Action", "Object", "Changes"], rows));
  }

  function drawDrift() {
    var box = document.getElementById("drift");
    var drift = data.drift;
    if (!drift) { box.appendChild(el("p", { "class": "muted", text: data.problems.drift ? "Not checked: " + data.problems.drift : "Not checked." })); return; }
    if (drift.revision === null) { box.appendChild(el("p", { "class": "muted", text: "No revision yet: nothing to compare the live objects with." })); return; }
    if (!drift.drift) box.appendChild(el("p", { "class": "notice ok", text: "No drift. The environment matches revision " + drift.revision + "." }));
    else box.appendChild(el("p", { text: "Against revision " + drift.revision + ": " + drift.summary.changed + " changed, " + drift.summary.deleted + " deleted, " + drift.summary.unmanaged + " unmanaged." }));
    var notes = {};
    (drift.notes || []).forEach(function (n) { (notes[n.address] = notes[n.address] || []).push("# " + (n.path ? n.path + ": " : "") + n.text); });
    var rows = drift.objects.map(function (o) {
      var lines = o.fields.map(function (f) { return f.path + ": " + (f.sensitive ? "(sensitive)" : value(f.applied) + " \u2192 " + (f.live === null ? "(gone)" : value(f.live)) + " (live)") + (f.manager ? " # changed by " + f.manager : ""); });
      lines = lines.concat(notes[o.address] || []);
      delete notes[o.address];
      return searchable(el("tr", { "data-address": o.address }, [el("td", {}, [pill(o.drift)]), el("td", { "class": "mono", text: o.address }), el("td", {}, [fieldList(lines)])]), o.address + " " + o.drift + " " + o.kind);
    });
    Object.keys(notes).forEach(function (address) {
      rows.push(searchable(el("tr", { "data-address": address }, [el("td", {}, [pill("kept")]), el("td", { "class": "mono", text: address }), el("td", {}, [fieldList(notes[address])])]), address + " kept"));
    });
    if (rows.length) box.appendChild(table(["Drift", "Object", "Fields"], rows));
  }

  function drawHistory() {
    var box = document.getElementById("history");
    if (data.revisions.length === 0) { box.appendChild(el("p", { "class": "muted", text: "No revisions yet. Run decl apply to create the first one." })); return; }
    var rows = data.revisions.map(function (r) {
      var lines = r.added.map(function (a) { return "+ " + a; }).concat(r.changed.map(function (a) { return "~ " + a; }), r.removed.map(function (a) { return "- " + a; }));
      var s = r.summary;
      var changes = el("details", {}, [el("summary", { text: s.created + " created, " + s.updated + " updated, " + s.replaced + " replaced, " + s.deleted + " deleted, " + s.unchanged + " unchanged" }),
        lines.length ? fieldList(lines) : el("p", { "class": "muted", text: "No object changed against the revision before." })]);
      if (lines.length && lines.length <= 8) changes.setAttribute("open", "");
      return searchable(el("tr", { "data-revision": r.revision }, [
        el("td", { text: String(r.revision) }), el("td", { "class": "mono", text: r.startedAt.replace("T", " ").replace(/\.\d+Z$/, "Z") }),
        el("td", {}, [pill(r.status)]), el("td", { text: r.operation + (r.rollbackOf ? " of " + r.rollbackOf : "") }), el("td", { text: r.user }),
        el("td", { "class": "mono", text: r.gitCommit ? r.gitCommit.slice(0, 7) : "-" }),
        el("td", {}, [changes, r.error ? el("p", { "class": "notice", text: r.error }) : null])
      ]), ["revision " + r.revision, r.status, r.operation, r.user, r.gitCommit || "", r.error || ""].concat(lines).join(" "));
    });
    box.appendChild(table(["Revision", "Started", "Status", "Operation", "User", "Commit", "What changed"], rows));
  }

  function drawObjects() {
    var box = document.getElementById("objects");
    var dependsOn = {};
    data.edges.forEach(function (e) { (dependsOn[e.from] = dependsOn[e.from] || []).push(byId[e.to].address + " (" + e.reason + ")"); });
    var namespaces = {};
    groupKeys.forEach(function (k) { var ns = k.split(" \u00b7 ")[0]; (namespaces[ns] = namespaces[ns] || []).push(k); });
    var open = nodes.length <= COLLAPSE_ABOVE;
    Object.keys(namespaces).sort().forEach(function (ns) {
      var count = namespaces[ns].reduce(function (s, k) { return s + groups[k].length; }, 0);
      var nsBox = el("details", { "class": "namespace", "data-namespace": ns, open: open ? "" : null }, [el("summary", { text: ns + " (" + plural(count, "object") + ")" })]);
      namespaces[ns].forEach(function (k) {
        var members = groups[k];
        var rows = members.map(function (n) {
          return searchable(el("tr", { "data-address": n.address }, [el("td", { "class": "mono", text: n.address }), el("td", {}, [pill(n.state)]),
            el("td", {}, [n.action ? pill(n.action) : el("span", { "class": "muted", text: "-" })]), el("td", {}, [n.drift ? pill(n.drift) : el("span", { "class": "muted", text: data.drift ? "none" : "-" })]),
            el("td", {}, [fieldList(dependsOn[n.id] || [])])]), n.search + " " + (dependsOn[n.id] || []).join(" "));
        });
        nsBox.appendChild(el("details", { "class": "kind", "data-group": k, open: open ? "" : null }, [el("summary", { text: members[0].kind + " (" + members.length + ")" }),
          table(["Object", "State", "Plan", "Drift", "Depends on"], rows)]));
      });
      box.appendChild(nsBox);
    });
  }

  function filterRows() {
    document.querySelectorAll("tr[data-search]").forEach(function (row) {
      row.classList.toggle("hidden", !!query && row.getAttribute("data-search").indexOf(query) < 0);
    });
    document.querySelectorAll("#objects details").forEach(function (d) {
      var any = d.querySelector("tr[data-search]:not(.hidden)");
      d.classList.toggle("hidden", !!query && !any);
      if (query && any) d.open = true;
    });
  }
  function redraw() { drawGroupBar(); drawGraph(); }

  drawPlan();
  drawDrift();
  drawHistory();
  drawObjects();
  redraw();
  var search = document.getElementById("search");
  var pending = null;
  function applySearch() { query = search.value.trim().toLowerCase(); redraw(); filterRows(); }
  search.addEventListener("input", function () { clearTimeout(pending); pending = setTimeout(applySearch, 120); });
  // report.html#q=TEXT opens the page filtered, so a filtered view can be linked to.
  if (location.hash.indexOf("#q=") === 0) { search.value = decodeURIComponent(location.hash.slice(3)); applySearch(); }
  document.body.setAttribute("data-rendered", "true");
})();
