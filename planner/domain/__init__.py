"""Rules of the delegation planner: kinds, roles, validation, multilingual text. No Qt, no SQL."""
