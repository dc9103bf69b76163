"""The widgets the main window is built from, one concern per module."""
