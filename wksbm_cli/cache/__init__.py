"""The per-file result cache kept in ``.wksbm_cache/`` at the records root."""
