"""Batch printing: many people from one spreadsheet, one file each (command line and page)."""
