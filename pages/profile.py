"""Safety check and profile, in two steps. Step 1 asks only the warning signs: any of them gives
its advice at once (how urgently, what to do), whatever else is blank, and nothing more is asked.
Only a clear step 1 leads on to step 2, the profile, which is saved to the store as the current
person (a new person, or the current one's answers replaced).

Each answer's widget key is its profile field's name (name, age, height_cm ...); the red flags,
conditions, units, submit and "someone else" keys are named in pages/parts/state.py.
"""

from typing import Any

import streamlit as st

from pages.parts import cards, clock, current, router, state
from pages.parts.look_alike import look_alike_warning
from pages.parts.navigation import PEOPLE_PAGE, PLAN_PAGE
from pages.parts.text import TEXTS, plain
from planner import Profile, ProfileError, build_plan, limits, parse_profile
from planner.data_files import safety_rules
from planner.plan import DISCLAIMER
from planner.profile import CONDITIONS, RED_FLAGS, FieldProblem, allowed
from planner.safety import Screen, screen_warning_signs
from storage import NameTaken, Person, PersonRef, Store, StoreError
from storage.listing import count_people

LABELS: dict[str, str] = TEXTS["profile"]["labels"] | {"recent_trauma": safety_rules().trauma.label}
# A new profile starts with the numbers and choices unanswered (None), so nothing is guessed.
EMPTY = ("age", "sex", "height_cm", "weight_kg", "height_in", "weight_lb", "sitting_hours")
EMPTY += ("active_days", "lifting", "posture", "core_strength", "water_l", "pain_weeks")
START: dict[str, Any] = dict.fromkeys(EMPTY) | {"name": "", "stress": 5, "pain": 5}
START |= {"first_episode": False, "recent_trauma": False, "days_per_week": 3, "minutes_per_day": 15}
START |= {"long_term_steroids": False, "floor": "easy", "screen_work": False}
FLOOR = ("easy", "hard", "cannot")
UNIT_FIELDS = {"metric": ("height_cm", "weight_kg"), "imperial": ("height_in", "weight_lb")}
PAIRS = {"height_cm": "height_in", "weight_kg": "weight_lb"}  # the planner names the metric field
FORM_KEYS = {*START, state.UNITS, "start_date", *(state.RED_FLAG.format(f) for f in RED_FLAGS)}
FORM_KEYS |= {state.CONDITION.format(c) for c in CONDITIONS}
NOBODY = 0  # state.FORM_FOR when the form was shown blank (ids start at 1)
HELP: dict[str, str] = TEXTS["profile"]["help"]


def prefill(saved: Profile | None) -> None:
    """Put the saved answers (or friendly starting values) into the widgets, once per visit."""
    values: dict[str, Any] = START | {"start_date": clock.today()}
    values[state.UNITS] = "imperial" if saved and saved.imperial else "metric"
    if saved:
        values |= {k: v for k, v in saved.model_dump().items() if v is not None}
        values["name"] = saved.name or ""
    flags, conditions = set(values.pop("red_flags", ())), set(values.pop("conditions", ()))
    values |= {state.RED_FLAG.format(f): f in flags for f in RED_FLAGS}
    values |= {state.CONDITION.format(c): c in conditions for c in CONDITIONS}
    for key, value in values.items():
        st.session_state.setdefault(key, value)


def radio(field: str, options: tuple[str, ...], **extra: Any) -> str | None:
    """A horizontal radio (options capitalised unless told); starts unanswered for a new profile."""
    extra.setdefault("format_func", str.capitalize)
    return st.radio(LABELS[field], options, key=field, horizontal=True, **extra)


def slider(field: str, step: int = 1) -> int:
    """A slider whose range is the planner's allowed range for the field."""
    bound = limits.PROFILE_LIMITS[field]
    return st.slider(LABELS[field], min_value=bound.low, max_value=bound.high, step=step, key=field)


def number(field: str, step: float, whole: bool = False) -> float | None:
    """A number box that starts empty for a new profile; the planner checks the range."""
    if whole:
        return st.number_input(LABELS[field], min_value=0, step=int(step), key=field)
    return st.number_input(LABELS[field], min_value=0.0, step=step, format="%.1f", key=field)


def warning_signs() -> tuple[list[str], bool]:
    """Step 1, the safety check: every warning sign and a recent fall, as boxes to tick."""
    rules = safety_rules()
    flags = [
        f for f in RED_FLAGS if st.checkbox(rules.red_flags[f].label, key=state.RED_FLAG.format(f))
    ]
    return flags, st.checkbox(LABELS["recent_trauma"], key=state.TRAUMA)


def ticked_warning_signs() -> tuple[list[str], bool]:
    """The step-1 answers as they stand (the boxes keep their values across reruns)."""
    flags = [f for f in RED_FLAGS if st.session_state.get(state.RED_FLAG.format(f))]
    return flags, bool(st.session_state.get(state.TRAUMA))


def show_stop(screen: Screen) -> None:
    """A warning sign's advice, first on the screen: how urgently, what to do, and why."""
    st.error(f"### {screen.headline}\nPlease do not start exercises for your back yet.")
    for stop in screen.stops:
        st.error(f"**{stop.label}**: {stop.message}")


def ask(units: str) -> dict[str, Any]:
    """Step 2, the profile's widgets; returns the answers as a profile dict."""
    rules = safety_rules()
    answers: dict[str, Any] = {}
    st.subheader("About you")
    answers["name"] = st.text_input(LABELS["name"], key="name", max_chars=limits.NAME.most)
    answers["age"] = number("age", 1, whole=True)
    answers["sex"] = radio("sex", ("female", "male", "other"))
    height, weight = UNIT_FIELDS[units]
    answers[height] = number(height, 1.0)
    answers[weight] = number(weight, 1.0)
    answers["sitting_hours"] = number("sitting_hours", 0.5)
    answers["active_days"] = number("active_days", 1, whole=True)
    answers["lifting"] = radio("lifting", ("never", "sometimes", "often"))
    answers["posture"] = radio("posture", ("good", "fair", "poor"), help=HELP["posture"])
    answers["core_strength"] = radio("core_strength", ("weak", "average", "strong"))
    answers["water_l"] = number("water_l", 0.1)
    answers["stress"] = slider("stress")

    st.subheader("Your back pain")
    answers["pain"] = slider("pain")
    answers["pain_weeks"] = number("pain_weeks", 1, whole=True)
    answers["first_episode"] = st.checkbox(LABELS["first_episode"], key="first_episode")
    answers["long_term_steroids"] = st.checkbox(
        LABELS["long_term_steroids"], key="long_term_steroids", help=HELP["long_term_steroids"]
    )
    st.markdown("Do you have any of these? Some exercises are changed or left out for them.")
    answers["conditions"] = [
        c
        for c in CONDITIONS
        if st.checkbox(rules.conditions[c].label, key=state.CONDITION.format(c))
    ]

    answers["floor"] = radio("floor", FLOOR, format_func=TEXTS["profile"]["floor"].get)
    answers["screen_work"] = st.checkbox(LABELS["screen_work"], key="screen_work")

    st.subheader("Your time")
    answers["days_per_week"] = slider("days_per_week")
    answers["minutes_per_day"] = slider("minutes_per_day", step=5)
    answers["start_date"] = st.date_input(LABELS["start_date"], key="start_date")
    return {k: v for k, v in answers.items() if v is not None and v != ""}


def check(answers: dict[str, Any], units: str) -> Profile:
    """parse_profile, naming an empty height or weight box as required rather than a unit rule;
    the app also needs a name, to save the profile under."""
    named = str(answers.get("name") or "").strip()  # only spaces is no name (the profile strips it)
    nameless = [] if named else [FieldProblem(field="name", message=HELP["name_needed"])]
    try:
        profile = parse_profile(answers)
    except ProfileError as error:
        empty = [f for f in UNIT_FIELDS[units] if f not in answers]
        problems = nameless + [
            FieldProblem(field=f, message=f"is required: {allowed(f)}") for f in empty
        ]
        for p in error.problems:
            if not (p.field in PAIRS and {p.field, PAIRS[p.field]} & set(empty)):
                problems.append(p)
        raise ProfileError(problems) from None
    if nameless:
        raise ProfileError(nameless)
    return profile


def save(store: Store, profile: Profile, target: PersonRef | None) -> bool:
    """Save over the person the form was drawn for (or as someone new); a name already taken is
    explained instead."""
    start = profile.start_date or clock.today()
    warning = look_alike_warning(store, profile.name, target.id if target else None)
    try:
        person_id = store.save_person(profile, programme_start=start, person=target)
    except NameTaken:
        st.error(
            f"Someone called {plain(profile.name)} is already saved. Please use another name "
            "(for example, add an initial), or open their plan on the Saved people page."
        )
        st.page_link(PEOPLE_PAGE, label="Saved people", icon=":material/group:")
        return False
    current.choose(person_id)
    st.session_state[state.LOOK_ALIKE] = warning  # shown with the result, after the rerun
    return True


def blank_form() -> None:
    """Start an empty form for someone not saved yet (a button's callback)."""
    for key in (*FORM_KEYS, state.SAFETY_CLEAR):
        st.session_state.pop(key, None)
    current.forget()
    st.session_state[state.NEW_PERSON] = True


def form_person(store: Store) -> Person | None:
    """Whose answers the form holds, fixed when it is first shown blank: a person saved meanwhile
    in another tab would otherwise become "the only one saved" and be overwritten on Save."""
    shown_blank = st.session_state.get(state.FORM_FOR) == NOBODY and current.remembered_id() is None
    if st.session_state.get(state.NEW_PERSON) or shown_blank:
        person = None
    else:
        person = current.known_person(store)
    st.session_state[state.FORM_FOR] = person.id if person else NOBODY
    return person


def show_problems(error: ProfileError) -> None:
    """Each problem in plain words, named by the label the person sees on the form."""
    order = list(LABELS)
    problems = sorted(
        error.problems, key=lambda p: order.index(p.field) if p.field in order else 99
    )
    lines = [f"- **{LABELS.get(p.field, p.field)}** {plain(p.message)}" for p in problems]
    st.error("Please check these answers. Nothing was saved yet.\n\n" + "\n".join(lines))


def show_result(profile: Profile) -> None:
    """The stop screen, or the risk level and the way on to the weekly plan."""
    plan = build_plan(profile)
    if not plan.safe_to_exercise:
        cards.stop_screen(plan)
        return
    st.success("Your answers are saved. Nothing you told us stops you starting gentle exercise.")
    cards.risk_summary(plan.risk)
    st.page_link(PLAN_PAGE, label="See your weekly plan", icon=":material/arrow_forward:")


router.start_page()
st.title("Safety check and profile")
st.markdown(
    "Answer what you can; it takes about two minutes. Your answers are saved under your name, "
    "so your plan and your log are here next time."
)
store = current.store()
try:
    person = form_person(store)
    several = person is None and count_people(store) > 1
except StoreError as error:
    current.store_error(error)
    st.stop()
if person is not None:
    st.info(
        f"The saved answers of {plain(person.name)} are filled in below. Change anything and "
        "press Save and check."
    )
    st.button("Start a profile for someone else", key=state.NEW_PERSON_BUTTON, on_click=blank_form)
elif several:
    st.info(
        "This form is for someone new. To change a saved person's answers, choose them on the "
        "Saved people page first."
    )
saved = current.plan_profile(person) if person else None
drawn = (state.SAVE_FOR, person.ref if person else None)
prefill(saved)
st.subheader("Step 1: warning signs")
st.markdown(TEXTS["profile"]["safety_intro"])
with st.form(state.SAFETY_FORM, enter_to_submit=False):
    warning_signs()
    checked = st.form_submit_button("Check my answers", key=state.SAFETY_CHECK, type="primary")
flags, trauma = ticked_warning_signs()
screen = screen_warning_signs(flags, trauma)
if checked or saved is not None:  # a saved person's answers were checked when they were saved
    st.session_state[state.SAFETY_CLEAR] = screen.safe_to_exercise
if not screen.safe_to_exercise and (checked or saved is not None):
    show_stop(screen)
    if checked and saved is not None:  # the answers just read, with these signs: no stale write
        changed = saved.model_copy(update={"red_flags": flags, "recent_trauma": trauma})
        try:  # every page of this person now says so too
            store.save_person(changed, programme_start=person.programme_start, person=person.ref)
        except StoreError as error:
            current.store_error(error)
    st.caption(DISCLAIMER)
    st.stop()
if not st.session_state.get(state.SAFETY_CLEAR):
    st.info(TEXTS["profile"]["safety_first"])
    st.caption(DISCLAIMER)
    st.stop()

st.subheader("Step 2: about you and your back")
units = st.radio(
    "Units for height and weight",
    ("metric", "imperial"),
    key=state.UNITS,
    horizontal=True,
    format_func=TEXTS["profile"]["units"].get,
)
with st.form(state.PROFILE_FORM, enter_to_submit=False):
    answers = ask(units) | {"red_flags": flags, "recent_trauma": trauma}
    submitted = st.form_submit_button(
        "Save and check",
        key=state.SUBMIT,
        type="primary",
        on_click=current.keep_drawn_for,
        args=drawn,
    )

if submitted:
    try:
        profile = check(answers, units)
        if save(store, profile, current.drawn_for(state.SAVE_FOR)):
            st.rerun()  # drawn again for the person just saved, with their result below
    except ProfileError as error:
        show_problems(error)
    except StoreError as error:
        current.store_error(error)
elif saved is not None:
    if warning := st.session_state.pop(state.LOOK_ALIKE, None):
        st.warning(warning)
    show_result(saved)
st.caption(DISCLAIMER)
