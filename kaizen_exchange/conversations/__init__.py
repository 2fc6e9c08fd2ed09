"""Conversations between classes: the comments on partners' posts, kept offline.

The sync's part (fetching one site-wide comments feed per blog, storing what it
holds) is :mod:`~kaizen_exchange.conversations.feed_sync` and
:mod:`~kaizen_exchange.conversations.page`; what the window and the command line
read is :mod:`~kaizen_exchange.conversations.reading`.
"""
