"""Data the rules and hints look things up in: well-known imports (``known_imports``), removed or
renamed APIs with their replacements (``removed_apis``), packages by import name (``packages``)."""
