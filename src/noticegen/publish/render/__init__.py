"""Rendering: Markdown prose, HTML pages (Jinja2) and tagged PDFs (WeasyPrint)."""
