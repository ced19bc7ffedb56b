"""Brand Coach tests: real PostgreSQL + pgvector, real Redis, fake models only."""
