"""Reading a notice's sources: YAML with positions, the notice folder, git revisions, and the
loader that turns them into the model with findings; the contained ways to write files and to
escape text for terminals, Markdown and GitHub. Imports the domain (`noticegen.model`), and the
loader its own rules NG001-NG010 (see `[tool.importlinter]`)."""
