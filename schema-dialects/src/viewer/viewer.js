// Schema viewer: pan, zoom, search and selection over the inline SVG. No network access.
(function () {
  "use strict";
  var svg = document.getElementById("diagram");
  var viewport = document.getElementById("viewport");
  var panel = document.getElementById("panel");
  var search = document.getElementById("search");
  var matches = document.getElementById("matches");
  var data = JSON.parse(document.getElementById("schema-data").textContent);
  var byName = new Map();
  data.tables.forEach(function (t) { byName.set(t.name, t); });
  var groups = new Map();
  Array.prototype.forEach.call(svg.querySelectorAll("g.table"), function (g) {
    groups.set(g.getAttribute("data-table"), g);
  });
  var edges = Array.prototype.slice.call(svg.querySelectorAll("path.edge"));
  var view = { x: 0, y: 0, k: 1 };

  function apply() {
    viewport.setAttribute("transform", "translate(" + view.x + "," + view.y + ") scale(" + view.k + ")");
  }
  function fit() {
    var w = parseFloat(svg.getAttribute("data-width")) || 1;
    var h = parseFloat(svg.getAttribute("data-height")) || 1;
    var r = svg.getBoundingClientRect();
    view.k = Math.min(r.width / w, r.height / h, 1.5) * 0.95 || 1;
    view.x = (r.width - w * view.k) / 2;
    view.y = (r.height - h * view.k) / 2;
    apply();
  }
  function zoomAt(factor, cx, cy) {
    var k = Math.max(0.02, Math.min(8, view.k * factor));
    view.x = cx - (cx - view.x) * (k / view.k);
    view.y = cy - (cy - view.y) * (k / view.k);
    view.k = k;
    apply();
  }
  function centreOn(g) {
    var box = g.getBBox();
    var m = g.transform.baseVal.consolidate();
    var gx = m ? m.matrix.e : 0, gy = m ? m.matrix.f : 0;
    var r = svg.getBoundingClientRect();
    view.k = Math.max(view.k, 0.8);
    view.x = r.width / 2 - (gx + box.width / 2) * view.k;
    view.y = r.height / 2 - (gy + box.height / 2) * view.k;
    apply();
  }

  // Pan with the mouse (or a finger) on the background or a table.
  var drag = null;
  svg.addEventListener("pointerdown", function (e) {
    drag = { x: e.clientX, y: e.clientY, vx: view.x, vy: view.y, moved: false };
  });
  window.addEventListener("pointermove", function (e) {
    if (!drag) return;
    var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) { drag.moved = true; svg.classList.add("dragging"); }
    view.x = drag.vx + dx; view.y = drag.vy + dy;
    apply();
  });
  window.addEventListener("pointerup", function () {
    svg.classList.remove("dragging");
    setTimeout(function () { drag = null; }, 0);
  });
  svg.addEventListener("wheel", function (e) {
    e.preventDefault();
    var r = svg.getBoundingClientRect();
    zoomAt(e.deltaY < 0 ? 1.15 : 1 / 1.15, e.clientX - r.left, e.clientY - r.top);
  }, { passive: false });
  document.getElementById("zoom-in").addEventListener("click", function () {
    var r = svg.getBoundingClientRect(); zoomAt(1.25, r.width / 2, r.height / 2);
  });
  document.getElementById("zoom-out").addEventListener("click", function () {
    var r = svg.getBoundingClientRect(); zoomAt(0.8, r.width / 2, r.height / 2);
  });
  document.getElementById("fit").addEventListener("click", fit);

  // Selection: the table, its neighbours and the edges between them.
  function select(name) {
    groups.forEach(function (g) { g.classList.remove("sel", "nb"); });
    edges.forEach(function (p) { p.classList.remove("on"); });
    var t = byName.get(name);
    if (!t) { svg.classList.remove("focus"); return; }
    svg.classList.add("focus");
    var g = groups.get(name);
    if (g) g.classList.add("sel");
    t.neighbours.forEach(function (n) { var ng = groups.get(n); if (ng) ng.classList.add("nb"); });
    edges.forEach(function (p) {
      if (p.getAttribute("data-from") === name || p.getAttribute("data-to") === name) p.classList.add("on");
    });
    show(t);
  }
  function el(tag, text) { var e = document.createElement(tag); if (text != null) e.textContent = text; return e; }
  function show(t) {
    panel.textContent = "";
    panel.appendChild(el("h2", (t.kind === "view" ? "view " : "") + t.name));
    if (t.comment) panel.appendChild(el("p", t.comment));
    t.sections.forEach(function (s) {
      panel.appendChild(el("h3", s.title));
      var table = el("table"), tr = el("tr");
      s.headers.forEach(function (h) { tr.appendChild(el("th", h)); });
      table.appendChild(tr);
      s.rows.forEach(function (row) {
        var r = el("tr");
        // Cells are HTML escaped by the generator (names and comments never reach here raw).
        row.forEach(function (c) { var td = el("td"); td.innerHTML = c; r.appendChild(td); });
        table.appendChild(r);
      });
      panel.appendChild(table);
    });
    if (t.neighbours.length) panel.appendChild(el("p", "Neighbours: " + t.neighbours.join(", ")));
  }
  panel.addEventListener("click", function (e) {
    var a = e.target.closest("[data-goto]");
    if (!a) return;
    e.preventDefault();
    var name = a.getAttribute("data-goto");
    select(name);
    if (groups.get(name)) centreOn(groups.get(name));
  });
  groups.forEach(function (g, name) {
    g.addEventListener("click", function (e) {
      if (drag && drag.moved) return;
      e.stopPropagation();
      select(name);
    });
  });
  svg.addEventListener("click", function () { if (!(drag && drag.moved)) select(null); });

  // Search by table or column name.
  var first = null;
  function runSearch() {
    var q = search.value.trim().toLowerCase();
    first = null;
    var count = 0;
    svg.querySelectorAll(".hit").forEach(function (e) { e.classList.remove("hit"); });
    if (!q) { svg.classList.remove("searching"); matches.textContent = ""; return; }
    svg.classList.add("searching");
    groups.forEach(function (g, name) {
      var hit = name.toLowerCase().indexOf(q) >= 0;
      g.querySelectorAll("text[data-column]").forEach(function (c) {
        if (c.getAttribute("data-column").toLowerCase().indexOf(q) >= 0) { c.classList.add("hit"); hit = true; }
      });
      if (hit) { g.classList.add("hit"); count++; if (!first) first = name; }
    });
    matches.textContent = count + (count === 1 ? " table" : " tables");
  }
  search.addEventListener("input", runSearch);
  search.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && first) { select(first); centreOn(groups.get(first)); }
    if (e.key === "Escape") { search.value = ""; runSearch(); }
  });

  window.schemaViewer = { select: select, search: function (q) { search.value = q; runSearch(); return first; }, view: view };
  fit();
  window.addEventListener("resize", fit);
})();
