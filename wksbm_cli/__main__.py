"""Lets ``python -m wksbm_cli`` behave exactly like the ``wksbm`` console script."""

from wksbm_cli.cli import main

if __name__ == "__main__":
    main()
