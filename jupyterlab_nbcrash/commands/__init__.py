"""Subcommands of `jupyter nbcrash`: one module each, with configure(parser) and run(args)."""
