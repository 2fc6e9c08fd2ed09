"""Every write the window makes, each returning what it changed (a ``changes.Done``).

A thin layer over the same core functions the command line calls: each operation
runs the core write and says which schools, posts, sessions or media it touched,
so the window can refresh exactly the pages that show them (Anki's ``CollectionOp``
pattern). Modules follow the pages that use them, so a page imports only its own.
"""
