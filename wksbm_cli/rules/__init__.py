"""Rules: one small unit each, registered in :mod:`wksbm_cli.rules.registry`."""
