"""The supervisor's workspace (监察): live board, performance, ratings, abnormal cases, audit."""
