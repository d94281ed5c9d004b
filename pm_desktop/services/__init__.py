"""Use cases. Each opens its own unit of work and returns core dataclasses, never ORM objects."""
