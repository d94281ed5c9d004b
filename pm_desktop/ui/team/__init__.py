"""The Team workspace: team composition, RACI, the resource pool and cost."""
