"""MkDocs hooks: build-time files the browser needs (filled in by the process and checker work)."""
