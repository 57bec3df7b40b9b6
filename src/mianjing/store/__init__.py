"""Local state: one SQLite database (WAL) under $MIANJING_HOME."""
