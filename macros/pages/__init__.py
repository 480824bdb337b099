"""Page HTML and Markdown for the site's pages (no MkDocs import)."""
