"""Pure-Python domain: no Qt, no SQLAlchemy, nothing of the project above it."""
