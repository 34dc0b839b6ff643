"""Translations: built-in strings per locale, and the notice's own text from PO catalogs."""
