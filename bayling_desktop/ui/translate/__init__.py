"""The Translate workspace: documents side by side with their translation."""
