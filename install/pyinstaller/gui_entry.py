"""The bundle's window program (delegation-planner): the same start as `make run`."""

import multiprocessing

from planner.ui.app import main

if __name__ == "__main__":
    # Itineraries are rendered in worker processes; a frozen program must let its children run as workers.
    multiprocessing.freeze_support()
    raise SystemExit(main())
