"""The engine: prompt formats, budgeting and backends that stream text. No Qt here."""
