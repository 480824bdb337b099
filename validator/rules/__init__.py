"""Rule families: each `<family>.toml` holds the cards, `<family>.py` the small functions."""
