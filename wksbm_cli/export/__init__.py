"""Getting the data out: records as rows for ``list``, ``show`` and ``export``, with the
personal fields that ``privasi`` hides, and the export files written as one set."""
