"""The profile page's warning when a name just saved looks like another saved person's name.

It warns and does not refuse: two people may really be called alike. The likeness itself is
planner.names.look_alikes (Unicode's confusable skeletons).
"""

import streamlit as st

from pages.parts.text import TEXTS, plain
from planner.names import look_alikes
from storage import Person, Store


def warn_look_alikes(store: Store, name: str, person: Person | None) -> None:
    """A warning naming the saved people whose names look like `name`, when the name is new
    (someone new, or a saved person renamed)."""
    if person is not None and person.name == name:
        return
    mine = person.id if person else None
    others = [saved.name for saved in store.list_people() if saved.id != mine]
    alike = look_alikes(name, others)
    if alike:
        names = ", ".join(f"**{plain(other)}**" for other in alike)
        st.warning(TEXTS["profile"]["look_alike"].format(name=plain(name), others=names))
