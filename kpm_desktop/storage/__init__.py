"""SQLite persistence through sqlite-utils: schema, migrations, repository. No Qt."""
