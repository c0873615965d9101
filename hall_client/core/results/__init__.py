"""Results at the window: the hall's seal, licences, collection, and completion of a case."""
