"""Figures computed from checked records: completeness, the folder summary, the yearly report,
its history over past commits and the change summary of a pull request.

Nothing here prints: every function takes a ``CheckResult`` (or its records) and returns plain
dataclasses that the renderers turn into text, Markdown, CSV, HTML or JSON.
"""
