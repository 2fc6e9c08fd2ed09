"""The partner network: which schools we work with, their blogs, hours and terms.

``file`` reads and checks the network TOML a teacher or IT writes; ``store`` merges it
into the store and exports it back; ``opml`` does the same for other feed readers'
OPML; ``machine_defaults`` seeds a new store from a file IT installed machine-wide;
``same_blog`` decides when two addresses are one blog. Nothing is re-exported here, so
importing one of them does not pull in the others (start-up time, see gui/warmup.py).
"""
