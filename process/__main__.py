"""``python -m process``: the personal-checklist CLI (same as ``wa-checklist``)."""

from process.cli import main

raise SystemExit(main())
