"""Who did what to whom: the event coder.

`find_events(doc, entities, published, actors, quotes)` codes the events an article reports: triggers
from the lexicon we write (`triggers`), actor and recipient through the entity resolver and the quotes'
speakers (`participants`), whether each happened (`status`), its date, and its PLOVER type and CAMEO code
from the ontology tables (`ontology`).
"""

from newsgraph.events.coder import find_events

__all__ = ["find_events"]
