"""Renderers: records in, text out. They never run NLP and never read files."""
