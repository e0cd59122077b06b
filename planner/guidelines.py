"""The numbers BackPlan's rules are built on, each with its source key (see data/sources.toml).

Texts (exercises, tips, red-flag messages) live in data files; the thresholds live here so a
clinician can check every number in one place.
"""

# --- Pain and progression -------------------------------------------------------------------------
HIGH_PAIN = (
    7  # 7+/10: gentle start, easier variants, shorter sessions (cochrane_bed_rest, nhs_inform)
)
LOW_PAIN = 3  # 0-3/10: start one rung higher on the dose ladders (progression)

MAX_WEEKLY_VOLUME_INCREASE = 0.30  # never more than +30% a week (progression)
WEEKLY_STEP = 0.20  # each week's step-up aims at +10-20% volume (progression)
PROGRAMME_WEEKS = 4  # the first programme; then it keeps building while it goes well (steffens)
PROGRESSION_WEEKS = 12  # by this week the plan has reached its maintenance level (steffens)
MAX_WEEK = 520  # plans and logs run for up to ten years

# --- Sessions -------------------------------------------------------------------------------------
MAX_EXERCISES_PER_SESSION = 5  # from 15 minutes offered: five exercises plus any daily extras
SHORT_EXERCISES_PER_SESSION = 4  # under 15 minutes offered
GENTLE_EXERCISES_PER_SESSION = 3  # fewer again when pain is high
FULL_SESSION_MINUTES = 15  # offered minutes from which a session holds the most exercises
EXERCISE_MINUTES_MAX = 15  # trials used about 10-15 minutes of exercise a session (adherence)
FLARE_EXERCISES_PER_SESSION = 2  # short sessions while a flare settles (nhs_inform)
FLARE_WARM_UP = "short"  # a flare-up routine's warm-up (dose.toml), and no walk
GENTLE_EXERCISE_MINUTES_MAX = 8  # high pain: shorter, gentler sessions (cochrane_bed_rest)
FIRST_WEEK_FILL = 0.8  # week 1 uses about 80% of the exercise time; later weeks build on it
SHORT_SESSION_SHARE = 0.8  # a session under this share of the time offered says why
# minutes offered from which the warm-up is long / standard / short (acsm)
WARM_UP_BY_MINUTES = ((25, "long"), (15, "standard"), (0, "short"))
WALK_FROM_MINUTES = 25  # offered minutes from which the time left over is a walk (walkback)
MIN_WALK_MINUTES = 5  # a shorter remainder is not worth a walk of its own
DESK_BREAK_SITTING_HOURS = 4  # sitting this long a day: desk breaks every hour (hse_breaks)
INACTIVE_BELOW_DAYS = 3  # fewer active days: "inactive", for clearance (acsm_screening)
MIN_FAMILY_SESSIONS_FROM_4_DAYS = 2  # every family at least twice a week from 4 sessions up
VARIANTS_IN_ROTATION = {"core": 2, "strength_balance": 3}  # other families keep their best one
CORE_DAYS_PER_WEEK = 2  # strength/core at least 2-3 days a week where sessions allow (acsm)

# Honest time estimate of one exercise: holds plus these overheads (seconds).
SECONDS_PER_REP_MIN = 3  # a repetition takes at least this long, with or without a hold
SECONDS_BETWEEN_REPS = 2  # release and get ready
SECONDS_BETWEEN_SETS = 20  # short rest
SECONDS_SETUP = 15  # get into position, read the steps
SECONDS_CHANGE_SIDES = 5

# --- Who gets which variant -----------------------------------------------------------------------
OLDER_ADULT_AGE = 65  # supported standing stretches (nia); longer holds, more reps (acsm)
# Older adults, osteoporosis and weak core muscles progress one step at a time, in ACSM's order:
# repetitions, then sets, then a harder variant once the ladder is climbed; the hardest (level-3)
# variants wait until two four-week programmes of building are done (acsm, who_activity).
SLOW_LEVEL_3_FROM_WEEK = 9
FIRST_EPISODE_ADVICE_AGE = 50  # first-ever episode from this age: see a doctor (red_flags).
# Guideline cut-offs vary from 50 to 60; BackPlan takes the lower one so nobody is missed.
LONG_EPISODE_WEEKS = 6  # pain for longer: see a doctor (red_flags, natural_history)

# --- Risk factors (points add up to a level) ------------------------------------------------------
RISK_LEVEL_MODERATE = 2  # total points from which risk is "moderate"
RISK_LEVEL_HIGH = 5  # total points from which risk is "high"
LONG_SITTING_HOURS = 6  # sitting this long a day counts (weak evidence: sitting_evidence)
LOW_ACTIVE_DAYS = 2  # fewer active days than this counts (steffens)
HIGH_STRESS = 7  # 7+/10 (parreira)
OLDER_AGE_RISK = 50  # age counts from here (parreira)
LONG_PAIN_WEEKS = 12  # an episode this long is persistent pain (natural_history)

# --- Weight and water -----------------------------------------------------------------------------
BMI_BANDS = (  # (lower bound, label) (who_bmi)
    (0.0, "underweight"),
    (18.5, "healthy weight"),
    (25.0, "overweight"),
    (30.0, "obesity class I"),
    (35.0, "obesity class II"),
    (40.0, "obesity class III"),
)
BMI_OVERWEIGHT = 25.0
BMI_OBESE = 30.0
WEIGHT_LOSS_KG_PER_WEEK = (0.5, 1.0)  # weight_pace
WATER_TOTAL_L = {"female": 2.0, "male": 2.5, "other": 2.0}  # total from food and drink (efsa_water)
WATER_FROM_FOOD_SHARE = 0.20  # about 20% of total water comes from food (efsa_water)
WATER_ML_PER_KG = 30  # heuristic 30-35 mL/kg; lower end used (efsa_water)
WATER_ML_PER_KG_OVER_75 = 25
WATER_CAP_L = {"female": 2.7, "male": 3.7, "other": 2.7}  # US NAM adequate intake (nam_water)

# --- Desk and lifting -----------------------------------------------------------------------------
SCREEN_BREAK_EVERY_MIN = (50, 60)  # hse_breaks
SCREEN_BREAK_LENGTH_MIN = (5, 10)
MONITOR_DISTANCE_CM = 50  # osha_desk
LIFT_LIMIT_KG = 23  # NIOSH load constant (niosh_lifting)
PREGNANCY_LIFT_KG = (16, 12)  # before / from 20 weeks, occasional lifts (niosh_pregnancy)

# --- Adapting next week from the log (adaptation.py) ----------------------------------------------
MEANINGFUL_PAIN_CHANGE = 2  # points on 0-10 (ostelo)
MEANINGFUL_PAIN_CHANGE_SHARE = 0.30  # or 30% (ostelo)
STEP_UP_ADHERENCE = 0.80  # share of planned sessions done (partly counts half) (progression)
HOLD_ADHERENCE = 0.50  # below this the week is repeated as it was
STATUS_CREDIT = {"done": 1.0, "partly": 0.5, "skipped": 0.0}
BAD_WEEKS_BEFORE_CLINICIAN = 2  # two step-down weeks running: see a clinician (nhs_inform)

# --- Escalation: fracture pointers (safety.py) ----------------------------------------------------
FRACTURE_AGE = 70  # from this age new severe pain may be a spinal fracture (fracture_pointers)
FRACTURE_SEVERE_PAIN = 7  # 7+/10 counts as severe (fracture_pointers)
NEW_PAIN_MAX_WEEKS = LONG_EPISODE_WEEKS  # "new" pain: this episode under about 6 weeks; from
# here on the long-episode advice applies instead (red_flags)
