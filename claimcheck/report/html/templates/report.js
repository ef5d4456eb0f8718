(function () {
  "use strict";
  // Paging and the timelines' claim lists. Without this script every card is shown and the
  // filters still work (CSS); this adds pages of PAGE cards over the cards the filters leave.
  var PAGE = 100, page = 0;
  var cards = Array.prototype.slice.call(document.querySelectorAll("#cards .card"));
  var boxes = Array.prototype.slice.call(document.querySelectorAll("#filters input[type=checkbox]"));
  var picks = [document.getElementById("fe"), document.getElementById("fa")].filter(Boolean);
  var pager = document.getElementById("pager"), count = document.getElementById("count");
  var prev = document.getElementById("prev"), next = document.getElementById("next");

  function passes(card) {
    for (var i = 0; i < boxes.length; i++) {
      if (!boxes[i].checked && card.classList.contains(boxes[i].value)) return false;
    }
    for (var j = 0; j < picks.length; j++) {
      if (picks[j].value && !card.classList.contains(picks[j].value)) return false;
    }
    return true;
  }

  function show() {
    var hits = cards.filter(passes), pages = Math.max(1, Math.ceil(hits.length / PAGE));
    page = Math.min(page, pages - 1);
    var from = page * PAGE, to = Math.min(hits.length, from + PAGE);
    cards.forEach(function (c) { c.hidden = true; });
    hits.slice(from, to).forEach(function (c) { c.hidden = false; });
    count.textContent = hits.length ? "Findings " + (from + 1) + "–" + to + " of " + hits.length +
      (hits.length < cards.length ? " matching (" + cards.length + " in all)" : "") : "No finding matches the filters.";
    prev.disabled = page === 0;
    next.disabled = page >= pages - 1;
  }

  if (pager && cards.length) {
    pager.hidden = false;
    // filters too big for CSS rules (see page.filter_css) are shown once the script runs
    document.querySelectorAll("#filters [data-script]").forEach(function (f) { f.hidden = false; });
    document.getElementById("filters").addEventListener("change", function () { page = 0; show(); });
    prev.addEventListener("click", function () { page -= 1; show(); pager.scrollIntoView(); });
    next.addEventListener("click", function () { page += 1; show(); pager.scrollIntoView(); });
    show();
  }

  // A timeline's dot lists its claims below the chart; again hides them.
  document.addEventListener("click", function (e) {
    var dot = e.target.closest ? e.target.closest("a.dot") : null;
    if (!dot) return;
    e.preventDefault();
    var list = document.getElementById(dot.getAttribute("href").slice(1));
    var open = !list.classList.contains("open");
    var chart = dot.closest(".timeline");
    chart.querySelectorAll(".dotlist.open").forEach(function (l) { l.classList.remove("open"); });
    chart.querySelectorAll("a.dot").forEach(function (d) { d.setAttribute("aria-expanded", "false"); });
    list.classList.toggle("open", open);
    dot.setAttribute("aria-expanded", String(open));
  });
})();
