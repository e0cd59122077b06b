"""Safety check and profile: one form, red flags first; on success the profile is saved to the
store as the current person (a new person, or the current one's answers replaced).

Widget keys (AppTest and the browser tests address the widgets by these):
- outside the form: units ("metric" or "imperial");
- red flags: red_flags_<flag> for each flag in planner.profile.RED_FLAGS, and recent_trauma;
- profile: name, age, sex, height_cm and weight_kg (metric) or height_in and weight_lb (imperial),
  sitting_hours, active_days, lifting, posture, core_strength, water_l, stress, pain, pain_weeks,
  first_episode, conditions_<condition> for each in planner.profile.CONDITIONS, days_per_week,
  minutes_per_day, start_date;
- the submit button: submit; outside the form, new_person (a blank form for someone else).
"""

from datetime import date
from typing import Any

import streamlit as st

from pages.parts import ui
from planner import Profile, ProfileError, build_plan, limits, parse_profile
from planner.data_files import safety_rules
from planner.profile import CONDITIONS, RED_FLAGS, FieldProblem, allowed
from storage import Person, Store, StoreError

LABELS = {
    "name": "Name (for your saved plan and the printed sheet)",
    "age": "Age in years",
    "sex": "Sex",
    "height_cm": "Height in centimetres",
    "weight_kg": "Weight in kilograms",
    "height_in": "Height in inches",
    "weight_lb": "Weight in pounds",
    "sitting_hours": "Hours a day spent sitting",
    "active_days": "Days a week with at least 30 minutes of activity",
    "lifting": "Do you lift or carry heavy things?",
    "posture": "How is your sitting posture?",
    "core_strength": "How strong are your stomach (core) muscles?",
    "water_l": "Litres of drinks a day",
    "stress": "Stress, from 0 (none) to 10 (extreme)",
    "pain": "Pain right now, from 0 (none) to 10 (worst)",
    "pain_weeks": "Weeks this episode has lasted (0 if less than a week)",
    "first_episode": "This is my first-ever episode of back pain",
    "recent_trauma": safety_rules().trauma.label,
    "conditions": "Health conditions",
    "red_flags": "Warning signs",
    "days_per_week": "Exercise days a week",
    "minutes_per_day": "Minutes a session",
    "start_date": "Start date",
}
# A new profile starts with the numbers and choices unanswered (None), so nothing is guessed.
EMPTY = ("age", "sex", "height_cm", "weight_kg", "height_in", "weight_lb", "sitting_hours")
EMPTY += ("active_days", "lifting", "posture", "core_strength", "water_l", "pain_weeks")
START: dict[str, Any] = dict.fromkeys(EMPTY) | {"name": "", "stress": 5, "pain": 5}
START |= {"first_episode": False, "recent_trauma": False, "days_per_week": 3, "minutes_per_day": 15}
UNIT_FIELDS = {"metric": ("height_cm", "weight_kg"), "imperial": ("height_in", "weight_lb")}
PAIRS = {"height_cm": "height_in", "weight_kg": "weight_lb"}  # the planner names the metric field
FORM_KEYS = {*START, "units", "start_date", *(f"red_flags_{f}" for f in RED_FLAGS)}
FORM_KEYS |= {f"conditions_{c}" for c in CONDITIONS}
FORM_FOR_KEY = "profile_form_for"  # the id of the person whose answers the form showed ...
NOBODY = 0  # ... or this when it was shown blank (ids start at 1)
NAME_NEEDED = "is required: it keeps your saved plan and log apart from anyone else's"
POSTURE_HELP = (
    "Good: back supported, feet flat, screen at eye level. Fair: sometimes slumped. "
    "Poor: often slumped or hunched, or a desk that does not fit you."
)


def prefill(saved: Profile | None) -> None:
    """Put the saved answers (or friendly starting values) into the widgets, once per visit."""
    values: dict[str, Any] = START | {"start_date": date.today()}
    values["units"] = "imperial" if saved and saved.imperial else "metric"
    if saved:
        values |= {k: v for k, v in saved.model_dump().items() if v is not None}
        values["name"] = saved.name or ""
    chosen = set(values.get("red_flags", [])) | set(values.get("conditions", []))
    for item in (*RED_FLAGS, *CONDITIONS):
        kind = "red_flags" if item in RED_FLAGS else "conditions"
        values[f"{kind}_{item}"] = item in chosen
    for key in ("red_flags", "conditions"):
        values.pop(key, None)
    for key, value in values.items():
        st.session_state.setdefault(key, value)


def radio(field: str, options: tuple[str, ...], **extra: Any) -> str | None:
    """A horizontal radio with capitalised options; starts unanswered for a new profile."""
    return st.radio(
        LABELS[field], options, key=field, horizontal=True, format_func=str.capitalize, **extra
    )


def slider(field: str, step: int = 1) -> int:
    """A slider whose range is the planner's allowed range for the field."""
    bound = limits.PROFILE_LIMITS[field]
    return st.slider(LABELS[field], min_value=bound.low, max_value=bound.high, step=step, key=field)


def number(field: str, step: float, whole: bool = False) -> float | None:
    """A number box that starts empty for a new profile; the planner checks the range."""
    if whole:
        return st.number_input(LABELS[field], min_value=0, step=int(step), key=field)
    return st.number_input(LABELS[field], min_value=0.0, step=step, format="%.1f", key=field)


def ask(units: str) -> dict[str, Any]:
    """The form's widgets, red flags first; returns the answers as a profile dict."""
    rules = safety_rules()
    st.subheader("1. Warning signs")
    st.markdown(
        "A few symptoms with back pain need a doctor before any exercise. "
        "Tick any that you have now:"
    )
    flags = [f for f in RED_FLAGS if st.checkbox(rules.red_flags[f].label, key=f"red_flags_{f}")]
    answers: dict[str, Any] = {"red_flags": flags}
    answers["recent_trauma"] = st.checkbox(LABELS["recent_trauma"], key="recent_trauma")

    st.subheader("2. About you")
    answers["name"] = st.text_input(LABELS["name"], key="name", max_chars=limits.NAME.most)
    answers["age"] = number("age", 1, whole=True)
    answers["sex"] = radio("sex", ("female", "male", "other"))
    height, weight = UNIT_FIELDS[units]
    answers[height] = number(height, 1.0)
    answers[weight] = number(weight, 1.0)
    answers["sitting_hours"] = number("sitting_hours", 0.5)
    answers["active_days"] = number("active_days", 1, whole=True)
    answers["lifting"] = radio("lifting", ("never", "sometimes", "often"))
    answers["posture"] = radio("posture", ("good", "fair", "poor"), help=POSTURE_HELP)
    answers["core_strength"] = radio("core_strength", ("weak", "average", "strong"))
    answers["water_l"] = number("water_l", 0.1)
    answers["stress"] = slider("stress")

    st.subheader("3. Your back pain")
    answers["pain"] = slider("pain")
    answers["pain_weeks"] = number("pain_weeks", 1, whole=True)
    answers["first_episode"] = st.checkbox(LABELS["first_episode"], key="first_episode")
    st.markdown("Do you have any of these? Some exercises are changed or left out for them.")
    answers["conditions"] = [
        c for c in CONDITIONS if st.checkbox(rules.conditions[c].label, key=f"conditions_{c}")
    ]

    st.subheader("4. Your time")
    answers["days_per_week"] = slider("days_per_week")
    answers["minutes_per_day"] = slider("minutes_per_day", step=5)
    answers["start_date"] = st.date_input(LABELS["start_date"], key="start_date")
    return {k: v for k, v in answers.items() if v is not None and v != ""}


def check(answers: dict[str, Any], units: str) -> Profile:
    """parse_profile, naming an empty height or weight box as required rather than a unit rule;
    the app also needs a name, to save the profile under."""
    named = str(answers.get("name") or "").strip()  # only spaces is no name (the profile strips it)
    nameless = [] if named else [FieldProblem(field="name", message=NAME_NEEDED)]
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


def save(store: Store, profile: Profile, person: Person | None) -> bool:
    """Save as the current person (or a new one); a name already taken is explained instead."""
    mine = person.id if person else None
    if any(p.name == profile.name and p.id != mine for p in store.list_people()):
        st.error(
            f"Someone called {ui.plain(profile.name)} is already saved. Please use another name "
            "(for example, add an initial), or open their plan on the Saved people page."
        )
        st.page_link(ui.PEOPLE_PAGE, label="Saved people", icon=":material/group:")
        return False
    start = profile.start_date or ui.today()
    ui.set_current(store.save_person(profile, programme_start=start, person_id=mine))
    return True


def blank_form() -> None:
    """Start an empty form for someone not saved yet (a button's callback)."""
    for key in FORM_KEYS:
        st.session_state.pop(key, None)
    ui.forget_current()
    st.session_state[ui.NEW_PERSON_KEY] = True


def form_person(store: Store) -> Person | None:
    """Whose answers the form holds, fixed when it is first shown blank: a person saved meanwhile
    in another tab would otherwise become "the only one saved" and be overwritten on Save."""
    shown_blank = st.session_state.get(FORM_FOR_KEY) == NOBODY and ui.remembered_id() is None
    if st.session_state.get(ui.NEW_PERSON_KEY) or shown_blank:
        person = None
    else:
        person = ui.known_person(store)
    st.session_state[FORM_FOR_KEY] = person.id if person else NOBODY
    return person


def show_problems(error: ProfileError) -> None:
    """Each problem in plain words, named by the label the person sees on the form."""
    order = list(LABELS)
    problems = sorted(
        error.problems, key=lambda p: order.index(p.field) if p.field in order else 99
    )
    lines = [f"- **{LABELS.get(p.field, p.field)}** {ui.plain(p.message)}" for p in problems]
    st.error("Please check these answers. Nothing was saved yet.\n\n" + "\n".join(lines))


def show_result(profile: Profile) -> None:
    """The stop screen, or the risk level and the way on to the weekly plan."""
    plan = build_plan(profile)
    if not plan.safe_to_exercise:
        ui.stop_screen(plan)
        return
    st.success("Your answers are saved. Nothing you told us stops you starting gentle exercise.")
    ui.risk_summary(plan.risk)
    st.page_link(ui.PLAN_PAGE, label="See your weekly plan", icon=":material/arrow_forward:")


st.title("Safety check and profile")
st.markdown(
    "Answer what you can; it takes about two minutes. Your answers are saved under your name, "
    "so your plan and your log are here next time."
)
store = ui.store()
try:
    person = form_person(store)
    several = person is None and len(store.list_people()) > 1
except StoreError as error:
    ui.store_error(error)
    st.stop()
if person is not None:
    st.info(
        f"The saved answers of {ui.plain(person.name)} are filled in below. Change anything and "
        "press Save and check."
    )
    st.button("Start a profile for someone else", key="new_person", on_click=blank_form)
elif several:
    st.info(
        "This form is for someone new. To change a saved person's answers, choose them on the "
        "Saved people page first."
    )
saved = ui.plan_profile(person) if person else None
prefill(saved)
units = st.radio(
    "Units for height and weight",
    ("metric", "imperial"),
    key="units",
    horizontal=True,
    format_func={"metric": "Centimetres and kilograms", "imperial": "Inches and pounds"}.get,
)
with st.form("profile_form", enter_to_submit=False):
    answers = ask(units)
    submitted = st.form_submit_button("Save and check", key="submit", type="primary")

if submitted:
    try:
        profile = check(answers, units)
        if save(store, profile, person):
            show_result(profile)
    except ProfileError as error:
        show_problems(error)
    except StoreError as error:
        ui.store_error(error)
elif saved is not None:
    show_result(saved)
st.caption(ui.DISCLAIMER)
