"""The terminal adapter: the ``explainbot`` command."""
