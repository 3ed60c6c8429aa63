## Distribution: Debian packaging files and the install test (issue 6).
