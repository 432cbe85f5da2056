"""Figures computed from checked records: completeness, the folder summary, the yearly report.

Nothing here reads files or prints: every function takes a ``CheckResult`` (or its records) and
returns plain dataclasses that the renderers turn into text, Markdown, CSV or JSON.
"""
