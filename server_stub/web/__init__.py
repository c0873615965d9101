"""Server-rendered pages: the reviewers' inbox and case pages, the applicant status page."""
