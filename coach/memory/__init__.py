"""Memory: the conversation window (tier 1); profile and semantic tiers build on it."""
