"""Knowledge bases: ingestion (parsing, chunking, embedding) and hybrid search."""
