"""Publishing the class's work to the school's own WordPress blog (Qt-free).

``account`` and ``password`` keep the WordPress account (the application password in the
OS keyring only); ``client`` speaks the REST API; ``check`` tells a teacher what the
account can do; the outbox and the publish steps deliver each post exactly once.
"""
