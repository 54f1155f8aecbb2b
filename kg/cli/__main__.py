"""``python -m kg.cli`` runs the ``kg`` command (tests use it to run the CLI in a subprocess)."""

from kg.cli import main

main()
