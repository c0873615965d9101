"""窗口受理: the window clerk's intake workspace, the case list and the notice printer."""
