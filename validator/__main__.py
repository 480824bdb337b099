"""`python -m validator` runs the command-line checker."""

from validator.cli import main

raise SystemExit(main())
