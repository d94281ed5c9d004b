"""SQLAlchemy models, the SQLite engine, change capture, migrations and backups.

Query helpers here take a Session; they never create one (services own units of work).
"""
