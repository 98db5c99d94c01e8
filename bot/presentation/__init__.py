"""Presentation: every sentence users see, and the neutral views adapters render."""
