"""Local servers that speak the vendors' APIs as documented, for tests and the bench."""
