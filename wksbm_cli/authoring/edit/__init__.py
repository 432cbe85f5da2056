"""Everyday edits of existing records (replace an officer, record an SK, change a status) that
change only the lines they must: comments, key order, quoting, blank lines and line endings
elsewhere stay byte for byte as the volunteer wrote them.

Nothing here prints or exits; the commands in ``wksbm_cli/cli`` render what it returns.
"""
