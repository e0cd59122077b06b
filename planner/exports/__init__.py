"""Pure exports of a WeekPlan: the one-page PDF sheet, an iCalendar file and a CSV table."""
