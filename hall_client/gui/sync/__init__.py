"""The sync engine in the GUI: background passes, the status bar, clerk notices, the
server's view of the hall's cases."""
