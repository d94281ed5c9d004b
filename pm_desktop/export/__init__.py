"""Exports (PDF, ICS, CSV/XLSX). They take core dataclasses only."""
