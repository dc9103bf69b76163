"""Documents and files made from a trip: trip files, PDFs, calendars. No Qt."""
