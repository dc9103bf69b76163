"""Reading files that come from outside: trip files, member lists. No Qt."""
