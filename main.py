"""Start the delegation planner's window: `python main.py [--db PATH_OR_URL]`."""

from planner.ui.app import main

if __name__ == "__main__":
    raise SystemExit(main())
