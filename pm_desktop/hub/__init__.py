"""The team sync server (a later issue)."""
