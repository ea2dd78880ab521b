"""Command-line commands, one module each (see :data:`lgo_decisions.cli.COMMANDS`)."""
