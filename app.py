"""BackPlan: the entry script for `streamlit run app.py`. A router only.

The pages are listed in pages/parts/navigation.py and routed by pages/parts/router.py (which a page
run without this script also calls); each page lives in pages/ and calls `planner`. On a shared
deployment (sign-in configured), every page but Home asks to sign in first.
"""

from pages.parts import router

router.route()
