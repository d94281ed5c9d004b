"""The team sync server, the hub: ``pm-desktop hub ...`` (docs/sync-protocol.md).

Not part of the desktop app: nothing outside this package imports it, except the command
line by name, and only :mod:`pm_desktop.hub.cli` may be imported without the server's
packages (Starlette, uvicorn, psycopg) being loaded.
"""
