"""Qt models over the store (read off the GUI thread, a page at a time)."""
