"""The CLI's subcommands; each module exposes ``add_parser`` and ``run``."""
