"""`noticegen lint`: the rules and their registry, what they read (the lint context, the prose
reader), the configuration that selects and tunes them, the run, and the reporters. Imports
translate (`noticegen.i18n`: the catalog rules), review (`noticegen.review`: a material change
not logged), sources and the domain; never the rendering stack (`noticegen.publish`)."""
