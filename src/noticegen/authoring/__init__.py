"""Helpers for writing a notice and its reference: `init` (scaffold), `fmt` (formatting), the
JSON Schemas (schema) and the generated docs (docs). Imports lint (the rule catalogue and the
placeholder marker), sources and the domain."""
