"""The lowest layer: the values every other layer passes around (a ``Problem`` and its
``Severity``), the one date parser and the one CSV encoder. Nothing here reads files, runs
programs or knows about records, so every layer above may use it."""
