/* fupin comparison page: filters and keyboard navigation, without a server or a request. */
(function () {
  "use strict";
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.row"));
  var places = Array.prototype.slice.call(document.querySelectorAll("tr.place"));
  var box = document.getElementById("filter");
  var shownCount = document.getElementById("shown");
  var empty = document.getElementById("empty");
  var toolbar = document.querySelector(".toolbar");
  var current = -1;

  // The query and the rows compared in one form: NFKC (full-width to half-width), no
  // whitespace, lower case; each row also carries its texts folded to simplified (data-fold).
  function fold(text) {
    return text.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
  }
  rows.forEach(function (row) {
    row.fupinText = fold(row.textContent) + "\n" + fold(row.getAttribute("data-fold") || "");
  });

  function mode() {
    var checked = document.querySelector('input[name="show"]:checked');
    return checked ? checked.value : "all";
  }

  function wanted(row, show) {
    switch (show) {
      case "changed":
        return row.dataset.kind === "pair" && row.dataset.status === "changed";
      case "left":
        return row.dataset.kind === "left_only";
      case "right":
        return row.dataset.kind === "right_only";
      case "actor":
        return row.dataset.actor === "1";
      default:
        return true;
    }
  }

  function apply() {
    var show = mode();
    var query = fold(box.value);
    var count = 0;
    rows.forEach(function (row) {
      var on = wanted(row, show) && (query === "" || row.fupinText.indexOf(query) !== -1);
      row.hidden = !on;
      if (on) count += 1;
    });
    places.forEach(function (place) {
      var pair = document.getElementById(place.dataset.pair);
      place.hidden = show !== "all" || query !== "" || !pair || pair.hidden;
    });
    shownCount.textContent = String(count);
    empty.hidden = count !== 0;
    // a current row that the filters hide keeps its place: j and k go on from there
  }

  function setCurrent(index, scroll) {
    if (current >= 0) rows[current].classList.remove("current");
    current = index;
    if (index < 0) return;
    var row = rows[index];
    row.classList.add("current");
    row.focus({ preventScroll: true });
    if (scroll) row.scrollIntoView({ block: "center" });
  }

  function jump(step) {
    for (var i = current + step; i >= 0 && i < rows.length; i += step) {
      if (!rows[i].hidden && rows[i].dataset.change === "1") {
        setCurrent(i, true);
        return;
      }
    }
  }

  function fitHeader() {
    document.documentElement.style.setProperty("--toolbar-height", toolbar.offsetHeight + "px");
  }

  document.querySelectorAll('input[name="show"]').forEach(function (input) {
    input.addEventListener("change", apply);
  });
  box.addEventListener("input", apply);
  box.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      box.value = "";
      apply();
      box.blur();
    }
  });
  document.getElementById("next").addEventListener("click", function () { jump(1); });
  document.getElementById("previous").addEventListener("click", function () { jump(-1); });
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA")) {
      if (target.type !== "radio") return;
    }
    if (event.key === "j" || event.key === "n") {
      jump(1);
    } else if (event.key === "k" || event.key === "p") {
      jump(-1);
    } else if (event.key === "/") {
      event.preventDefault();
      box.focus();
    }
  });
  rows.forEach(function (row, index) {
    row.addEventListener("click", function (event) {
      if (!event.target.closest("a")) setCurrent(index, false);
    });
  });
  window.addEventListener("resize", fitHeader);
  fitHeader();
  apply();
})();
