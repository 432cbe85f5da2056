"""Bringing the spreadsheets a Dinas Sosial already keeps into the records folder: reading
workbooks and CSV files, finding and mapping their header rows, turning cells into record
values, matching rows to existing records, and the plan of what an import would write;
also every sheet of ``wksbm export --format xlsx`` back into the records it came from.

Library code only: nothing here prints or exits; ``wksbm_cli/cli/import_cmd.py`` shows the plan.
"""
