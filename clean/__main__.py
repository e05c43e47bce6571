"""``python -m clean`` runs the command line, like the ``clean`` script."""

from clean.cli import main

main()
