"""Delegation planner: plan official delegation trips and print itineraries in German, Chinese and English."""

__version__ = "0.1.0"
