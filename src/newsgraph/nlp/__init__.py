"""The language layer: building the spaCy pipeline, the shipped model, and training it."""
