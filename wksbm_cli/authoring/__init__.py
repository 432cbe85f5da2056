"""Writing records: a new record and where it belongs, a new records repository (``init``),
everyday edits that change only the lines they must, and imports from spreadsheets."""
