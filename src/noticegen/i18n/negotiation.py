"""Choosing a language for the reader: the site's front page follows the browser's preference,
falling back to the notice's source language, and the language switcher keeps the section.

`choose_language` is the rule; `INDEX_SCRIPT` applies the same rule in the browser to the
links of the front page's language list (`a[hreflang]`), and `SWITCHER_SCRIPT` carries the
current section (`#anchor`, the same in every language) to the page in another language.
Both are plain inline scripts without outside requests; without JavaScript the links work as
they are.
"""

from __future__ import annotations

from collections.abc import Sequence


def choose_language(preferences: Sequence[str], available: Sequence[str], source: str) -> str:
    """The first preferred language that is published: the exact tag, else one of the same
    language (`de-AT` -> `de`, `pt` -> `pt-BR`); the source language when none is."""
    published = {tag.lower(): tag for tag in available}
    for preference in preferences:
        wanted = preference.strip().lower()
        if not wanted:
            continue
        if wanted in published:
            return published[wanted]
        base = wanted.split("-")[0]
        if base in published:
            return published[base]
        same_language = [tag for key, tag in published.items() if key.split("-")[0] == base]
        if same_language:
            return same_language[0]
    return source


# The same rule as `choose_language`, over the front page's links; `data-source` marks the
# source language's link. The section (`#...`) of the address is kept.
INDEX_SCRIPT = """(function () {
  var links = document.querySelectorAll("a[hreflang]");
  var published = {}, order = [], fallback = null;
  for (var i = 0; i < links.length; i++) {
    var tag = links[i].getAttribute("hreflang").toLowerCase();
    published[tag] = links[i].href;
    order.push(tag);
    if (links[i].hasAttribute("data-source")) { fallback = links[i].href; }
  }
  var preferences = navigator.languages || [navigator.language || ""];
  function pick() {
    for (var p = 0; p < preferences.length; p++) {
      var wanted = String(preferences[p]).toLowerCase(), base = wanted.split("-")[0];
      if (published[wanted]) { return published[wanted]; }
      if (published[base]) { return published[base]; }
      for (var o = 0; o < order.length; o++) {
        if (order[o].split("-")[0] === base) { return published[order[o]]; }
      }
    }
    return fallback;
  }
  var target = pick();
  if (target) { location.replace(target + location.hash); }
})();"""

# The language switcher's links follow the section (`#...`) the reader is at, so that the other
# language opens at the same section however the link is opened (click, new tab, copied).
SWITCHER_SCRIPT = """(function () {
  var links = document.querySelectorAll("nav.languages a[hreflang]");
  function follow() {
    for (var i = 0; i < links.length; i++) { links[i].hash = location.hash; }
  }
  follow();
  window.addEventListener("hashchange", follow);
})();"""
