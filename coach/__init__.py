"""Brand Coach: the engine behind the brand-coaching chat (no Chainlit in here)."""
