"""Pure extractors: page bytes or text in, typed frozen records out (no crawling knowledge)."""
