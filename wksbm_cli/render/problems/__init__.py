"""Renderers of a check's problems: terminal text, JSON, GitHub annotations and SARIF."""
