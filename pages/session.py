"""Today's session, guided: the pain rule and pain now, then the warm-up (a countdown per item),
one exercise at a time with a countdown for each hold and a rep counter, the walk (a countdown),
then pain now again and the session goes into the log.

What comes next is planner/session_steps.py's; this page keeps where the person is in
st.session_state (the GUIDED_* keys of pages/parts/state.py), so reruns and page switches do not
reset it. The countdown is a
fragment that reruns every second only while the stopwatch runs; everything also works by clicking
"Done" without starting the clock.
"""

import time

import streamlit as st

from pages.parts import cards, clock, current, log_form, router, state
from pages.parts.navigation import PLAN_PAGE, PROGRESS_PAGE
from pages.parts.text import TEXTS, bulleted, numbered
from planner import WeekPlan, build_plan
from planner.data_files import exercises_by_id
from planner.plan import Day, Prescription
from planner.schedule import current_session, programme_week
from planner.session_steps import (
    PHASE_WORDS,
    Part,
    Stopwatch,
    left_text,
    moment,
    next_button,
    parts_for,
    session_status,
    start_of,
)
from storage import PersonRef, StoreError


def pick_day(plan: WeekPlan) -> Day:
    """Today's session, or (on a rest day) the next one; any session of the week can be chosen."""
    today = clock.today()
    sessions = plan.sessions
    later = [d for d in sessions if d.date >= today]
    if today < plan.days[0].date:
        st.info(
            f"Your programme starts on {log_form.long_date(plan.days[0].date)}. You can try "
            "its first session now if you like."
        )
    elif not later or later[0].date != today:
        nxt = f" The next one is on {log_form.long_date(later[0].date)}." if later else ""
        st.info(
            "Today is a rest day: a walk is good. If you would like to exercise anyway, choose "
            f"one of this week's sessions below.{nxt}"
        )
    dates = [d.date for d in sessions]
    chosen = st.selectbox(
        "Which session?",
        dates,
        index=current_session(dates, today),
        format_func=lambda d: log_form.long_date(d) + (" (today)" if d == today else ""),
        key=state.GUIDED_DAY,
    )
    return sessions[dates.index(chosen)]


def restart(person: PersonRef, day: Day) -> None:
    """A fresh session for this person and day."""
    st.session_state[state.GUIDED_FOR] = (person.id, day.date)
    st.session_state[state.GUIDED_REF] = person  # whom the session was drawn for, and when
    st.session_state[state.GUIDED_PHASE] = "start"
    st.session_state[state.GUIDED_RESULTS] = []
    st.session_state[state.GUIDED_WATCH] = Stopwatch()
    st.session_state.pop(state.GUIDED_BEFORE, None)


def begin() -> None:
    """Keep the pain score given before starting, and go to the first part (the warm-up)."""
    st.session_state[state.GUIDED_BEFORE] = st.session_state.get(state.GUIDED_PAIN_BEFORE)
    st.session_state[state.GUIDED_PHASE] = "exercise"


def finish_part(result: str, total: int) -> None:
    """Record how the part went and move on (to the pain question after the last one)."""
    st.session_state[state.GUIDED_RESULTS] = [*st.session_state[state.GUIDED_RESULTS], result]
    st.session_state[state.GUIDED_WATCH] = Stopwatch()
    if len(st.session_state[state.GUIDED_RESULTS]) >= total:
        st.session_state[state.GUIDED_PHASE] = "finish"


def part_line(part: Part) -> str:
    """'**Marching on the spot**: 2 min' or an exercise's dose, for the session's outline."""
    if isinstance(part.item, Prescription):
        return f"**{part.name}**: {part.item.dose_text}"
    return f"**{part.name}**: {start_of(part.steps, 1) // 60} min"


def show_start(plan: WeekPlan, day: Day, parts: tuple[Part, ...]) -> None:
    """The pain rule, the session's parts in order, the pain question, and Start."""
    cards.pain_rule(plan)
    st.subheader(f"{len(day.exercises)} exercises, about {day.minutes} minutes in all")
    st.markdown(bulleted([part_line(part) for part in parts]))
    st.segmented_control(
        "Pain now, before you start (0 = none, 10 = worst)",
        log_form.pain_scale(),
        key=state.GUIDED_PAIN_BEFORE,
    )
    st.button(
        "Start the session",
        key=state.GUIDED_BEGIN,
        on_click=begin,
        type="primary",
        width="stretch",
        icon=":material/play_arrow:",
    )


def clock_buttons(watch: Stopwatch, steps, index: int, now: float) -> None:
    """Start, Pause or Resume, and Next rep: each changes the stopwatch, then reruns the page."""
    left, right = st.columns(2)
    if watch.running:
        if left.button("Pause", key=state.GUIDED_PAUSE, width="stretch", icon=":material/pause:"):
            st.session_state[state.GUIDED_WATCH] = watch.pause(now)
            st.rerun()
    else:
        word, key = (
            ("Resume", state.GUIDED_RESUME) if watch.elapsed(now) else ("Start", state.GUIDED_START)
        )
        if left.button(word, key=key, type="primary", width="stretch", icon=":material/timer:"):
            st.session_state[state.GUIDED_WATCH] = watch.start(now)
            st.rerun()
    if len(steps) > 1 and right.button(  # one countdown: Done below moves on
        next_button(steps, index), key=state.GUIDED_NEXT, width="stretch"
    ):
        st.session_state[state.GUIDED_WATCH] = watch.jump_to(start_of(steps, index + 1), now)
        st.rerun()


def countdown(steps, finished_words: str) -> None:
    """The step, the seconds left in it (big), and the clock buttons; ticks while running."""

    def clock() -> None:
        watch, now = st.session_state[state.GUIDED_WATCH], time.monotonic()
        at = moment(steps, watch.elapsed(now))
        if at.phase == "finished":
            if watch.running:
                st.session_state[state.GUIDED_WATCH] = watch.pause(now)
                st.rerun()
            st.success(finished_words, icon=":material/check_circle:")
            return
        if len(steps) > 1:  # a warm-up item or the walk is one countdown, named above it
            st.subheader(steps[at.index].label, anchor=False)
        st.markdown(f"# {PHASE_WORDS[at.phase]}: {left_text(steps[at.index], at.left)}")
        st.progress(at.index / len(steps))
        clock_buttons(watch, steps, at.index, now)

    running = st.session_state[state.GUIDED_WATCH].running
    st.fragment(clock, run_every=1 if running else None)()


def done_or_skip(steps, total: int, words: tuple[str, str]) -> None:
    """Done (Next once the clock has run out) and Skip, each moving to the next part."""
    finished = st.session_state[state.GUIDED_WATCH].elapsed(time.monotonic()) >= start_of(
        steps, len(steps)
    )
    left, right = st.columns(2)
    left.button(
        "Next" if finished else words[0],
        key=state.GUIDED_DONE,
        on_click=finish_part,
        args=("done", total),
        type="primary" if finished else "secondary",
        width="stretch",
        icon=":material/check:",
    )
    right.button(
        words[1],
        key=state.GUIDED_SKIP,
        on_click=finish_part,
        args=("skipped", total),
        width="stretch",
        icon=":material/skip_next:",
    )


def show_exercise(item: Prescription, steps, place: str, total: int) -> None:
    """One exercise ('Exercise 2 of 5'): picture, name, dose, steps, the countdown, Done or Skip."""
    st.caption(place)
    st.subheader(item.name)
    words = cards.with_picture(exercises_by_id()[item.id], [1, 2], 220)
    words.markdown(f"**{item.dose_text}**  \n{TEXTS['positions'][item.position]}")
    words.markdown(numbered(item.instructions))
    countdown(steps, "All the reps are done. Well done!")
    done_or_skip(steps, total, ("Done with this exercise", "Skip this exercise"))


def show_timed(part: Part, total: int) -> None:
    """A warm-up item or the walk: what to do, a countdown of its minutes, and Done or Skip."""
    minutes = start_of(part.steps, 1) // 60
    if part.kind == "walk":
        st.caption("To finish")
        st.subheader(cards.DAY["walk"].format(minutes=minutes), anchor=False)
        st.markdown(cards.DAY["walk_help"])
    else:
        st.caption("Warm-up")
        st.subheader(part.name, anchor=False)
        st.markdown(part.item.instructions)
    countdown(part.steps, "Time is up. Well done!")
    done_or_skip(part.steps, total, ("Done", "Skip"))


def show_finish(store, now: PersonRef, day: Day, parts: tuple[Part, ...], week: int) -> None:
    """How it went, the pain question again, and the save into the log (for the person as the
    session was drawn for: refused once when they changed since, as the person is `now`)."""
    results = st.session_state[state.GUIDED_RESULTS]
    status = session_status(parts, results)
    st.subheader("Session finished" if status != "skipped" else "Session over")
    lines = [f"{part.name}: {result}" for part, result in zip(parts, results, strict=True)]
    st.markdown(bulleted(lines))
    st.markdown(f"This session goes into your log as **{log_form.STATUS_WORDS[status]}**.")
    after = st.segmented_control(
        "Pain now (0 = none, 10 = worst)", log_form.pain_scale(), key=state.GUIDED_PAIN_AFTER
    )
    note = st.text_area("Note (optional)", max_chars=log_form.note_limit(), key=state.GUIDED_NOTE)
    if st.button("Save to my log", key=state.GUIDED_SAVE, type="primary", width="stretch"):
        fields = {"day": day.date, "week": week, "status": status, "note": note.strip()}
        before = st.session_state.get(state.GUIDED_BEFORE)
        drawn_for = st.session_state[state.GUIDED_REF]  # refused if gone or changed since
        entry = log_form.save_entry(
            store, drawn_for, pain_before=before, pain_after=after, **fields
        )
        st.session_state[state.GUIDED_REF] = now  # the page has now shown them as they are
        if entry:
            st.session_state[state.GUIDED_SAVED] = log_form.described(entry)
            st.session_state[state.GUIDED_PHASE] = "saved"
            st.rerun()


def show_saved(person: PersonRef, day: Day) -> None:
    """The confirmation, and where to go next."""
    saved = st.session_state[state.GUIDED_SAVED]
    st.success(
        f"Saved to your log for {log_form.long_date(day.date)}: {saved}.",
        icon=":material/check_circle:",
    )
    st.page_link(PROGRESS_PAGE, label="See your progress", icon=":material/monitoring:")
    st.page_link(PLAN_PAGE, label="Back to the weekly plan", icon=":material/calendar_month:")
    st.button("Do this session again", key=state.GUIDED_AGAIN, on_click=restart, args=(person, day))


router.start_page()
st.title("Today's session")
store, person = current.person()
st.text(f"For {person.name}")
week = programme_week(person.programme_start, clock.today())
try:
    log = store.log_for(person.id)
except StoreError as error:
    current.store_error(error)
    st.stop()
plan = build_plan(current.plan_profile(person), week, log=log)
if not plan.safe_to_exercise:
    cards.stop_screen(plan)
    st.caption(plan.disclaimer)
    st.stop()
day = pick_day(plan)
if st.session_state.get(state.GUIDED_FOR) != (person.id, day.date):
    restart(person.ref, day)
logged = {entry.day: entry for entry in log}
if day.date in logged and st.session_state[state.GUIDED_PHASE] != "saved":
    st.caption(f"Already logged: {log_form.described(logged[day.date])}. Saving again replaces it.")
phase = st.session_state[state.GUIDED_PHASE]
parts = parts_for(day, walk_name=cards.DAY["walk_name"])
if phase == "start":
    show_start(plan, day, parts)
elif phase == "exercise":
    done = len(st.session_state[state.GUIDED_RESULTS])
    part = parts[done]
    if isinstance(part.item, Prescription):
        number = sum(p.kind == "exercise" for p in parts[: done + 1])
        place = f"Exercise {number} of {len(day.exercises)}"
        show_exercise(part.item, part.steps, place, len(parts))
    else:
        show_timed(part, len(parts))
elif phase == "finish":
    show_finish(store, person.ref, day, parts, week)
else:
    show_saved(person.ref, day)
st.caption(plan.disclaimer)
