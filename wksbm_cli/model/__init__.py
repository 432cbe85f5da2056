"""What a record is: the schema of every field (types, ranges, labels), the typed records
built from a checked document, the folder's ``wksbm.yaml`` settings, and the JSON Schema the
same declarations give editors."""
