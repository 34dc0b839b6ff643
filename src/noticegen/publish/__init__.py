"""`noticegen build` and `export`: the page (HTML with Jinja2 and markdown-it, PDF with
WeasyPrint), the exports (store labels, DPV, RoPA) and the site that assembles them. Imports
translate (`noticegen.i18n`), sources and the domain; never lint (`noticegen.lint`)."""
