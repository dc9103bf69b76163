"""`python -m planner` is the command-line interface."""

from planner.cli.main import main

raise SystemExit(main())
