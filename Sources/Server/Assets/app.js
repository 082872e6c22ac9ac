// policy-search serve: small enhancements only; every page works without this script.
"use strict";
document.addEventListener("keydown", (e) => {
  // "/" focuses the search box, as on many sites.
  const box = document.getElementById("q");
  if (e.key === "/" && box && document.activeElement !== box && !(e.target instanceof HTMLInputElement)) {
    e.preventDefault();
    box.focus();
    box.select();
  }
  // Escape closes an open score explanation.
  if (e.key === "Escape") {
    for (const d of document.querySelectorAll("details.why[open]")) d.open = false;
  }
});
// One score explanation open at a time; a click elsewhere closes it.
document.addEventListener("click", (e) => {
  for (const d of document.querySelectorAll("details.why[open]")) {
    if (!d.contains(e.target)) d.open = false;
  }
});
