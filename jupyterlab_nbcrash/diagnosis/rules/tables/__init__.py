"""Data the rules and hints look things up in: well-known imports (``known_imports``), removed or
renamed APIs with their replacements (``removed_apis``), packages by import name (``packages``),
and the public names of NumPy, pandas, pyplot and torch objects for "did you mean" on a misspelt
attribute (``members``)."""
