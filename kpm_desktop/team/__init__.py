"""Team sync over PostgreSQL: server schema, local change store, the sync engine and merges."""
