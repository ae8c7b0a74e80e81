"use strict";
(function () {
  var form = document.getElementById("filters");
  if (!form) { return; }
  var cards = Array.prototype.slice.call(document.querySelectorAll(".fact .finding"));
  var facts = Array.prototype.slice.call(document.querySelectorAll(".fact"));
  var shown = document.getElementById("shown");
  var keys = ["severity", "rule", "outlet"];
  function apply() {
    var want = {};
    keys.forEach(function (k) { want[k] = form.elements[k].value; });
    var count = 0;
    cards.forEach(function (card) {
      var keep = keys.every(function (k) { return !want[k] || card.dataset[k] === want[k]; });
      card.hidden = !keep;
      if (keep) { count += 1; }
    });
    var factCount = 0;
    facts.forEach(function (fact) {
      var any = fact.querySelector(".finding:not([hidden])") !== null;
      fact.hidden = !any;
      var row = document.getElementById("index-" + fact.id);
      if (row) { row.hidden = !any; }
      if (any) { factCount += 1; }
    });
    shown.textContent = "showing " + count + " of " + cards.length + " findings, " + factCount + " of " + facts.length + " facts";
  }
  function openRule() {
    var target = location.hash && document.getElementById(location.hash.slice(1));
    if (target && target.tagName === "DETAILS") { target.open = true; }
  }
  form.hidden = false;
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  window.addEventListener("hashchange", openRule);
  apply();
  openRule();
})();
