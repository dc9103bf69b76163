"""The pages shown for the selected trip: overview, delegation, programme, venues, people."""
