"""Checking a folder: the engine that runs the rules over every file, the policy that sets
severities and honours waivers and baselines, the worker pool, the result cache, and the
changed-only scope of CI. It returns results; the renderers above turn them into text."""
