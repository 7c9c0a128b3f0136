"""What the whole API shares: its URLconf, health check, JSON errors, paging and ordering."""
