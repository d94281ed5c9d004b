"""PM Desktop: offline-first project management for field PMs and meeting scribes."""

__version__ = "0.1.0"
