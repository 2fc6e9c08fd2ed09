"""The real-WordPress tier: Debian's wordpress on 127.0.0.1, started by a session fixture."""
