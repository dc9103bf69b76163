"""Qt item models over the services' records, and the proxy that filters them."""
