"""Shared fact tables (places, countries) that several stages look things up in.

Kept apart from any one stage so that datelines, entities and events all resolve a place name to
the same country code.
"""
