"""wksbm: check, summarise and report on the records of WKSBM organisations.

The package is a library first; :mod:`wksbm_cli.cli` is a thin shell over it. Importing this
package must stay cheap, because ``wksbm --version`` and ``--help`` pay for it on every call.
"""

__version__ = "0.1.0"
