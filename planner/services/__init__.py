"""The only way anything changes data: one transaction per user action.

Each action validates with the domain, writes in one transaction, and returns
a Change that says what happened (and holds the record before and after, so
the GUI can undo). Database failures come out as domain errors with a message.
"""
