"""Scorers for the gold sets under ../shared/data and any file in the same format."""
