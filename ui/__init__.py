"""The Chainlit side: mapping the engine's events and records onto Chainlit's UI and data layer."""
