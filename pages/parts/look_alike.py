"""The profile page's warning when a name just saved looks like another saved person's name.

It warns and does not refuse: two people may really be called alike. The likeness itself is
planner.names.look_alikes (Unicode's confusable skeletons).
"""

from pages.parts.text import TEXTS, plain
from planner.names import look_alikes
from storage import Store


def look_alike_warning(store: Store, name: str, person_id: int | None) -> str | None:
    """The warning naming the saved people whose names look like `name`, when the name is new
    (someone new, or a saved person renamed); `person_id` is whom the form was drawn for."""
    saved = store.list_people()
    if any(p.id == person_id and p.name == name for p in saved):
        return None
    alike = look_alikes(name, [p.name for p in saved if p.id != person_id])
    if not alike:
        return None
    names = ", ".join(f"**{plain(other)}**" for other in alike)
    return TEXTS["profile"]["look_alike"].format(name=plain(name), others=names)
