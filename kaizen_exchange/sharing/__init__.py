"""Sharing the class's work: drafts, the class roster, safeguarding checks, web-ready files.

Qt-free like the rest of the core. The roster (pupils' names and consent) never leaves
this PC: nothing here logs it, exports it or puts it in an exception's message.
"""
