"""Platform adapters: the terminal, Slack and Discord, each a thin layer over :mod:`bot`."""
