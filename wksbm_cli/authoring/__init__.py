"""Writing new records: the text of a fresh record and where it belongs."""
