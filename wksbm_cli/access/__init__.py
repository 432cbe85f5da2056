"""Getting the data out: records as rows for lists, lookups and exports."""
