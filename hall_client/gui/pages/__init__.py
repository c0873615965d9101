"""页面工作区: camera, pages, corners and the package for one application."""
