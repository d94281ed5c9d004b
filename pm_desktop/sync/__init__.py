"""Client side of sync and the mail outbox sender (a later issue)."""
