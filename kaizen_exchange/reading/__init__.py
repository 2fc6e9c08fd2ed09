"""Reading the store: the questions the window and the command line both ask.

Each query is defined once here (posts, feeds' health) and called by both views, so
the numbers a teacher sees in the window and an IT person sees on the command line
cannot disagree. Nothing is re-exported, so a view imports only the module it needs.
"""
