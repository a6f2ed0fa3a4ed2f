"""The Chat workspace: conversations with the model, kept in SQLite."""
