"""The schema revisions this version of the planner knows, without importing Alembic.

Checking a file's revision on every start must not cost the Alembic import;
a test keeps these in step with the migration scripts.
"""

KNOWN_REVISIONS: tuple[str, ...] = (
    "0001_initial", "0002_issued_versions", "0003_protocol", "0004_item_host_person", "0005_calendar_revisions",
    "0006_trip_emergency_contacts", "0007_accommodation", "0008_vehicles", "0009_travel_legs", "0010_briefing",
    "0011_leg_pickup",
)
HEAD_REVISION: str = KNOWN_REVISIONS[-1]
