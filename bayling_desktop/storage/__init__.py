"""Storage: SQLite files under the user data dir, crash-safe and migrated forward."""
