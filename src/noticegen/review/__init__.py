"""What changed in a notice's meaning between two versions, in plain words.

Each part is a module of its own, imported by what needs it (`noticegen lint`'s review rules
import the comparison but no output format):

- `groups`: the groups a reader recognises (data collected, purposes, ...), each with its
  heading and the notice's fields reported under it;
- `comparison`: what changed, as change records, from one table of comparers per field;
- `policy`: which changes are material, and why;
- `wording`: the changes in plain words;
- `reporters`: the output formats (text, markdown, json), from one table.
"""
