"""Test fakes: scripted stand-ins for the project's model providers."""
