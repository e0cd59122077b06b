"""Reading profile files (JSON and one-row CSV) and writing files whole or not at all."""
