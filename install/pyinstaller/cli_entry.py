"""The bundle's command-line program (planner): the same as `python -m planner`."""

import multiprocessing

from planner.cli.main import main

if __name__ == "__main__":
    # Itineraries are rendered in worker processes; a frozen program must let its children run as workers.
    multiprocessing.freeze_support()
    raise SystemExit(main())
