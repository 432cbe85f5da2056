"""Renderers: one module per output format, all fed the same result object.

Nothing here prints: a renderer returns text (or rich renderables) and the CLI writes it.
"""
