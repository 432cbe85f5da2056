"""Renderers of figures and records: completeness, summary, the yearly report (Markdown, CSV,
JSON, HTML), the change summary, region lists, record lists and the rules reference."""
