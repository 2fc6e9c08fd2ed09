"""End-to-end tests: the command line against real servers on loopback."""
